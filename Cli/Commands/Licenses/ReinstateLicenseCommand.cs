using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;

namespace LicensePlatform.Cli.Commands.Licenses;

/// <summary>Makes a suspended license active again.</summary>
public sealed class ReinstateLicenseCommand : ManagementCommand<LicenseIdSettings, License>
{
    protected override Task<License> CallAsync(LicenseManagementClient client, LicenseIdSettings settings, CancellationToken cancellationToken) =>
        client.Licenses.ReinstateAsync(settings.Id, cancellationToken);

    protected override void Show(License answer, LicenseIdSettings settings)
    {
        Output.Done($"Reinstated {answer.Id}: its status is {Output.Name(answer.Status)}.", json: false);
    }
}
