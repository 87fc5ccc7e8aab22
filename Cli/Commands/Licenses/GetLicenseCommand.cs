using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;

namespace LicensePlatform.Cli.Commands.Licenses;

/// <summary>Shows one license.</summary>
public sealed class GetLicenseCommand : ManagementCommand<LicenseIdSettings, License>
{
    protected override Task<License> CallAsync(LicenseManagementClient client, LicenseIdSettings settings, CancellationToken cancellationToken) =>
        client.Licenses.GetAsync(settings.Id, cancellationToken);

    protected override void Show(License answer, LicenseIdSettings settings) => LicenseView.Details(answer);
}
