using System.ComponentModel;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.ApiKeys;

public sealed class CreateApiKeySettings : PlatformSettings
{
    [CommandOption("--name <NAME>")]
    [Description("Its name (required)")]
    public string? Name { get; init; }

    [CommandOption("--scope <SCOPE>")]
    [Description("What it may do: admin or validate; repeat for both (default admin)")]
    public string[] Scopes { get; init; } = [];

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("Missing --name <NAME>: the API key's name.") : base.Validate();
}

/// <summary>Creates an API key in the calling key's environment and prints its secret, which the platform shows this once only.</summary>
public sealed class CreateApiKeyCommand : ManagementCommand<CreateApiKeySettings, CreatedApiKey>
{
    protected override Task<CreatedApiKey> CallAsync(LicenseManagementClient client, CreateApiKeySettings settings, CancellationToken cancellationToken) =>
        client.ApiKeys.CreateAsync(settings.Name!, settings.Scopes.Length == 0 ? null : settings.Scopes, cancellationToken: cancellationToken);

    protected override void Show(CreatedApiKey answer, CreateApiKeySettings settings)
    {
        Output.Done($"Created {answer.ApiKey.Id} ({Output.List(answer.ApiKey.Scopes)}, {answer.ApiKey.Environment}).", json: false);
        Output.Line($"Secret (shown this once only; keep it): {answer.Secret}");
    }
}
