using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;

namespace LicensePlatform.Cli.Commands.Licenses;

/// <summary>Suspends an active license; reinstate makes it active again.</summary>
public sealed class SuspendLicenseCommand : ManagementCommand<LicenseIdSettings, License>
{
    protected override Task<License> CallAsync(LicenseManagementClient client, LicenseIdSettings settings, CancellationToken cancellationToken) =>
        client.Licenses.SuspendAsync(settings.Id, cancellationToken);

    protected override void Show(License answer, LicenseIdSettings settings)
    {
        Output.Done($"Suspended {answer.Id}: its status is {Output.Name(answer.Status)}.", json: false);
    }
}
