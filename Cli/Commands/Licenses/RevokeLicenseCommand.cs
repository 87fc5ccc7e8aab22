using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;

namespace LicensePlatform.Cli.Commands.Licenses;

/// <summary>Revokes a license for good.</summary>
public sealed class RevokeLicenseCommand : ManagementCommand<LicenseIdSettings, License>
{
    protected override Task<License> CallAsync(LicenseManagementClient client, LicenseIdSettings settings, CancellationToken cancellationToken) =>
        client.Licenses.RevokeAsync(settings.Id, cancellationToken);

    protected override void Show(License answer, LicenseIdSettings settings)
    {
        Output.Done($"Revoked {answer.Id}: its status is {Output.Name(answer.Status)}.", json: false);
    }
}
