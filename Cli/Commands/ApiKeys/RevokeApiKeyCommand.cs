using System.ComponentModel;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.ApiKeys;

public sealed class ApiKeyIdSettings : PlatformSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The API key's id (key_…)")]
    public string Id { get; init; } = "";
}

/// <summary>Revokes an API key: the Gateway refuses it from then on.</summary>
public sealed class RevokeApiKeyCommand : ManagementCommand<ApiKeyIdSettings, ApiKeyInfo>
{
    protected override Task<ApiKeyInfo> CallAsync(LicenseManagementClient client, ApiKeyIdSettings settings, CancellationToken cancellationToken) =>
        client.ApiKeys.RevokeAsync(settings.Id, cancellationToken);

    protected override void Show(ApiKeyInfo answer, ApiKeyIdSettings settings) =>
        Output.Done($"Revoked {answer.Id} ({answer.Name}) at {Output.Date(answer.RevokedAt)}.", json: false);
}
