using System.ComponentModel;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.Webhooks;

public sealed class ListDeliveriesSettings : PageSettings
{
    [CommandArgument(0, "<ENDPOINT_ID>")]
    [Description("The endpoint's id (whe_…)")]
    public string EndpointId { get; init; } = "";

    [CommandOption("--status <STATUS>")]
    [Description("Only deliveries in this status: pending, delivered, failed")]
    public string? Status { get; init; }

    public override ValidationResult Validate() =>
        Checks.All(EnumOption.Check<WebhookDeliveryStatus>("--status", Status), base.Validate());
}

/// <summary>Lists an endpoint's deliveries, the newest first.</summary>
public sealed class ListDeliveriesCommand : ManagementCommand<ListDeliveriesSettings, Page<WebhookDelivery>>
{
    protected override Task<Page<WebhookDelivery>> CallAsync(LicenseManagementClient client, ListDeliveriesSettings settings, CancellationToken cancellationToken) =>
        client.Webhooks.ListDeliveriesAsync(settings.EndpointId, EnumOption.Parse<WebhookDeliveryStatus>(settings.Status), settings.Page, settings.Limit, cancellationToken);

    protected override void Show(Page<WebhookDelivery> answer, ListDeliveriesSettings settings)
    {
        WebhookView.Deliveries(answer.Data);
        Output.PageLine(answer.Pagination);
    }
}
