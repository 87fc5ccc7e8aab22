using System.ComponentModel;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands;

public sealed class ValidateSettings : PlatformSettings
{
    [CommandOption("-k|--key <KEY>")]
    [Description("The license key to validate (required)")]
    public string? Key { get; init; }

    [CommandOption("--domain <DOMAIN>")]
    [Description("The domain the software runs on, for licenses bound to domains")]
    public string? Domain { get; init; }

    [CommandOption("--machine <MACHINE_ID>")]
    [Description("The machine's id (licensectl machine-id), for licenses that require activation")]
    public string? Machine { get; init; }

    [CommandOption("--product <PRODUCT_ID>")]
    [Description("The product the key must be for")]
    public string? Product { get; init; }

    [CommandOption("--feature <FEATURE>")]
    [Description("A feature the license must include; repeat for more")]
    public string[] Features { get; init; } = [];

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Key) ? ValidationResult.Error("Missing --key <KEY>: the license key to validate.") : base.Validate();
}

/// <summary>
/// Asks the platform whether a key is valid, for a pipeline step: exit 0 when it is, 1 when it is refused (with its code),
/// 3 when the platform cannot be reached. Never answers from a cache: the SDK's memory and offline answers are off.
/// </summary>
public sealed class ValidateCommand : PlatformCommand<ValidateSettings>
{
    protected override bool ApiKeyRequired => false;

    protected override async Task<int> RunAsync(PlatformConnection connection, ValidateSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(settings);
        using var client = connection.RuntimeClient(settings.Product);
        var validation = await client.ValidateAsync(new ValidationQuery
        {
            Key = settings.Key!,
            Domain = settings.Domain,
            MachineId = settings.Machine,
            ProductId = settings.Product,
            Features = settings.Features,
        }, cancellationToken);

        if (settings.Json)
        {
            Output.Json(validation);
        }

        if (!validation.Valid)
        {
            var code = validation.Code ?? "INVALID";
            if (settings.Json)
            {
                Output.Refusal(code, validation.Error ?? "The license is not valid.");
            }
            else
            {
                Output.Out.MarkupLine($"[red]✗ Not valid[/] {Markup.Escape($"{code}: {validation.Error}")}");
            }

            return ExitCodes.Refused;
        }

        if (!settings.Json)
        {
            Show(validation);
        }

        return ExitCodes.Ok;
    }

    private static void Show(LicenseValidation validation)
    {
        var license = validation.License;
        Output.Out.MarkupLine(validation.Expired
            ? "[yellow]✓ Valid[/] (the license has expired, and its plan keeps access)"
            : "[green]✓ Valid[/]");
        if (license is null)
        {
            return;
        }

        Output.Details(license.Id,
            ("Key", license.Key),
            ("Status", license.Status),
            ("Type", license.Type),
            ("Product", license.ProductId),
            ("Plan", license.Plan),
            ("Features", Output.List(license.Features)),
            ("Expires", license.ExpiresAt is null ? "never" : Output.Date(license.ExpiresAt)),
            ("Activations", $"{license.Activations} of {license.MaxActivations?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}"),
            ("Domains", Output.List(license.Domains)),
            ("Key valid until", license.KeyValidUntil is null ? null : Output.Date(license.KeyValidUntil)),
            ("Validated", Output.Date(validation.ValidatedAt)));
    }
}
