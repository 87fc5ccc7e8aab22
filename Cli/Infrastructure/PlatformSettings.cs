using System.ComponentModel;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Infrastructure;

/// <summary>The settings of a command that calls the platform: its URL (<c>--url</c>, or <c>--api-url</c>), the API key, <c>--json</c>.</summary>
public class PlatformSettings : ConnectionSettings
{
    [CommandOption("--url|--api-url <URL>")]
    [Description("The platform's URL (its Gateway), e.g. https://licenses.example.com; default: the LICENSE_API_URL environment variable")]
    public string? Url { get; init; }

    public override string? PlatformUrl => Url;

    public override string PlatformUrlOption => "--url";
}
