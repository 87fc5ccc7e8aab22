using System.ComponentModel;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Infrastructure;

/// <summary>What every command takes: how to print its answer.</summary>
public class OutputSettings : CommandSettings
{
    [CommandOption("--json")]
    [Description("Print the answer as JSON (camelCase, indented) on stdout for scripts; messages and progress go to stderr")]
    public bool Json { get; init; }
}
