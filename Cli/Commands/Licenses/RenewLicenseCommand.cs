using DescriptionAttribute = System.ComponentModel.DescriptionAttribute;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.Licenses;

public sealed class RenewLicenseSettings : LicenseIdSettings
{
    [CommandOption("--expires-at <DATE>")]
    [Description("Its new expiry (ISO 8601); by its plan's duration when left out")]
    public string? ExpiresAt { get; init; }

    public override ValidationResult Validate()
    {
        return Checks.All(DateOption.Check("--expires-at", ExpiresAt), base.Validate());
    }
}

/// <summary>Renews a license until a date, or by its plan's duration; an expired license becomes active.</summary>
public sealed class RenewLicenseCommand : ManagementCommand<RenewLicenseSettings, License>
{
    protected override Task<License> CallAsync(LicenseManagementClient client, RenewLicenseSettings settings, CancellationToken cancellationToken) =>
        client.Licenses.RenewAsync(settings.Id, DateOption.Parse(settings.ExpiresAt), cancellationToken: cancellationToken);

    protected override void Show(License answer, RenewLicenseSettings settings) =>
        Output.Done($"Renewed {answer.Id} until {Output.Date(answer.ExpiresAt)}; its status is {Output.Name(answer.Status)}.", json: false);
}
