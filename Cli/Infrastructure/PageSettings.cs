using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Infrastructure;

/// <summary>The settings of a list: which page, how long.</summary>
public class PageSettings : PlatformSettings
{
    [CommandOption("--page <N>")]
    [Description("The page, from 1")]
    public int? Page { get; init; }

    [CommandOption("--limit <N>")]
    [Description("Items a page, 1–100 (default 20)")]
    public int? Limit { get; init; }

    public override ValidationResult Validate() =>
        Page < 1 ? ValidationResult.Error("--page must be 1 or more.")
        : Limit is < 1 or > 100 ? ValidationResult.Error("--limit must be between 1 and 100.")
        : base.Validate();
}
