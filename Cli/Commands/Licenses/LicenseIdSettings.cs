using DescriptionAttribute = System.ComponentModel.DescriptionAttribute;
using LicensePlatform.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.Licenses;

/// <summary>The settings of a command about one license.</summary>
public class LicenseIdSettings : PlatformSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The license's id (lic_…)")]
    public string Id { get; init; } = "";
}
