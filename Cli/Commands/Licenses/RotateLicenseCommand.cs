using DescriptionAttribute = System.ComponentModel.DescriptionAttribute;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.Licenses;

public sealed class RotateLicenseSettings : LicenseIdSettings
{
    [CommandOption("--grace-days <N>")]
    [Description("How long the previous key keeps validating, 0–365 days (default 0)")]
    public int GraceDays { get; init; }

    public override ValidationResult Validate() =>
        GraceDays is < 0 or > 365 ? ValidationResult.Error("--grace-days must be between 0 and 365.") : base.Validate();
}

/// <summary>Gives a license a new key; the previous one keeps validating for the grace period, then is refused with KEY_ROTATED.</summary>
public sealed class RotateLicenseCommand : ManagementCommand<RotateLicenseSettings, RotatedKey>
{
    protected override Task<RotatedKey> CallAsync(LicenseManagementClient client, RotateLicenseSettings settings, CancellationToken cancellationToken) =>
        client.Licenses.RotateAsync(settings.Id, settings.GraceDays, cancellationToken: cancellationToken);

    protected override void Show(RotatedKey answer, RotateLicenseSettings settings)
    {
        Output.Done($"New key of {answer.LicenseId}: {answer.NewKey}", json: false);
        Output.Line($"The previous key validates until {Output.Date(answer.PreviousKeyValidUntil)}.");
    }
}
