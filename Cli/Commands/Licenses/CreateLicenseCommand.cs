using DescriptionAttribute = System.ComponentModel.DescriptionAttribute;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.Licenses;

public sealed class CreateLicenseSettings : PlatformSettings
{
    [CommandOption("--product <PRODUCT_ID>")]
    [Description("The product it is for (required)")]
    public string? Product { get; init; }

    [CommandOption("--plan <PLAN_ID>")]
    [Description("Its plan; what is not set comes from it")]
    public string? Plan { get; init; }

    [CommandOption("--type <TYPE>")]
    [Description("perpetual, subscription, trial or floating; required without --plan")]
    public string? Type { get; init; }

    [CommandOption("--email <EMAIL>")]
    [Description("The customer it is issued to")]
    public string? Email { get; init; }

    [CommandOption("--max-activations <N>")]
    [Description("How many machines it may activate")]
    public int? MaxActivations { get; init; }

    [CommandOption("--max-domains <N>")]
    [Description("How many domains it may bind")]
    public int? MaxDomains { get; init; }

    [CommandOption("--max-seats <N>")]
    [Description("Floating seats")]
    public int? MaxSeats { get; init; }

    [CommandOption("--domain <DOMAIN>")]
    [Description("A domain of its fixed list; repeat for more")]
    public string[] Domains { get; init; } = [];

    [CommandOption("--expires-at <DATE>")]
    [Description("When it ends (ISO 8601, e.g. 2027-01-31)")]
    public string? ExpiresAt { get; init; }

    [CommandOption("--feature <FEATURE>")]
    [Description("A feature of its own, on top of its plan's; repeat for more")]
    public string[] Features { get; init; } = [];

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Product))
        {
            return ValidationResult.Error("Missing --product <PRODUCT_ID>: the product the license is for.");
        }

        return Checks.All(EnumOption.Check<LicenseType>("--type", Type), DateOption.Check("--expires-at", ExpiresAt), base.Validate());
    }
}

/// <summary>Issues a license with a new key.</summary>
public sealed class CreateLicenseCommand : ManagementCommand<CreateLicenseSettings, License>
{
    protected override Task<License> CallAsync(LicenseManagementClient client, CreateLicenseSettings settings, CancellationToken cancellationToken) =>
        client.Licenses.CreateAsync(new CreateLicenseRequest
        {
            ProductId = settings.Product!,
            PlanId = settings.Plan,
            Type = EnumOption.Parse<LicenseType>(settings.Type),
            CustomerEmail = settings.Email,
            MaxActivations = settings.MaxActivations,
            MaxDomains = settings.MaxDomains,
            MaxSeats = settings.MaxSeats,
            Domains = settings.Domains.Length == 0 ? null : settings.Domains,
            Features = settings.Features.Length == 0 ? null : settings.Features,
            ExpiresAt = DateOption.Parse(settings.ExpiresAt),
        }, cancellationToken: cancellationToken);

    protected override void Show(License answer, CreateLicenseSettings settings)
    {
        Output.Done($"Issued {answer.Id}: {answer.Key}", json: false);
        LicenseView.Details(answer);
    }
}
