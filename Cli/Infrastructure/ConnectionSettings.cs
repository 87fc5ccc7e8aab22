using System.ComponentModel;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Infrastructure;

/// <summary>What every command that calls the platform takes besides its URL: the API key and the retries.</summary>
public abstract class ConnectionSettings : OutputSettings
{
    /// <summary>The most retries the SDK allows.</summary>
    public const int MaxRetries = 10;

    [CommandOption("--api-key <KEY>")]
    [Description("API key (to_test_… or to_live_…); default: the LICENSE_API_KEY environment variable")]
    public string? ApiKey { get; init; }

    [CommandOption("--retries <N>")]
    [Description("Retries after a network error, a 5xx or a 429, 0–10 (default 3)")]
    public int? Retries { get; init; }

    /// <summary>The platform's URL as given on the command line, if it was.</summary>
    public abstract string? PlatformUrl { get; }

    /// <summary>The option that sets <see cref="PlatformUrl"/>, for messages.</summary>
    public abstract string PlatformUrlOption { get; }

    public override Spectre.Console.ValidationResult Validate() =>
        Retries is < 0 or > MaxRetries
            ? Spectre.Console.ValidationResult.Error($"--retries must be between 0 and {MaxRetries}.")
            : base.Validate();
}
