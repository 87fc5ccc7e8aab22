using DescriptionAttribute = System.ComponentModel.DescriptionAttribute;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.Licenses;

public sealed class ListLicensesSettings : PlatformSettings
{
    [CommandOption("--status <STATUS>")]
    [Description("Only licenses in this status: active, suspended, expired, revoked")]
    public string? Status { get; init; }

    [CommandOption("--product <PRODUCT_ID>")]
    [Description("Only licenses of this product")]
    public string? Product { get; init; }

    [CommandOption("--plan <PLAN_ID>")]
    [Description("Only licenses on this plan")]
    public string? Plan { get; init; }

    [CommandOption("--email <EMAIL>")]
    [Description("Only licenses of this customer")]
    public string? Email { get; init; }

    [CommandOption("--page <N>")]
    [Description("The page, from 1")]
    public int? Page { get; init; }

    [CommandOption("--limit <N>")]
    [Description("Licenses a page, 1–100 (default 20)")]
    public int? Limit { get; init; }

    [CommandOption("--all")]
    [Description("Every license the filters allow, page after page (--json: one array)")]
    public bool All { get; init; }

    public override ValidationResult Validate() =>
        Page < 1 ? ValidationResult.Error("--page must be 1 or more.")
        : Limit is < 1 or > 100 ? ValidationResult.Error("--limit must be between 1 and 100.")
        : All && Page is not null ? ValidationResult.Error("--all reads every page: leave out --page.")
        : Checks.All(EnumOption.Check<LicenseStatus>("--status", Status), base.Validate());
}

/// <summary>Lists licenses, the newest first: a page, or with <c>--all</c> every one.</summary>
public sealed class ListLicensesCommand : PlatformCommand<ListLicensesSettings>
{
    protected override async Task<int> RunAsync(PlatformConnection connection, ListLicensesSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(settings);
        using var client = connection.ManagementClient();
        var query = new LicenseListQuery
        {
            Page = settings.Page,
            Limit = settings.Limit,
            Status = EnumOption.Parse<LicenseStatus>(settings.Status),
            ProductId = settings.Product,
            PlanId = settings.Plan,
            CustomerEmail = settings.Email,
        };

        if (settings.All)
        {
            var all = new List<License>();
            await foreach (var license in client.Licenses.ListAllAsync(query, cancellationToken))
            {
                all.Add(license);
            }

            if (settings.Json)
            {
                Output.Json(all);
            }
            else
            {
                LicenseView.Table(all);
                Output.Line($"{Output.Count(all.Count)} license(s)");
            }

            return ExitCodes.Ok;
        }

        var page = await client.Licenses.ListAsync(query, cancellationToken);
        if (settings.Json)
        {
            Output.Json(page);
        }
        else
        {
            LicenseView.Table(page.Data);
            Output.PageLine(page.Pagination);
        }

        return ExitCodes.Ok;
    }
}
