using System.ComponentModel;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.Webhooks;

public sealed class RedeliverSettings : PlatformSettings
{
    [CommandArgument(0, "<ENDPOINT_ID>")]
    [Description("The endpoint's id (whe_…)")]
    public string EndpointId { get; init; } = "";

    [CommandArgument(1, "<DELIVERY_ID>")]
    [Description("The delivery to send again (whd_…)")]
    public string DeliveryId { get; init; } = "";
}

/// <summary>Sends a delivery's event again, as a new delivery.</summary>
public sealed class RedeliverCommand : ManagementCommand<RedeliverSettings, WebhookDelivery>
{
    protected override Task<WebhookDelivery> CallAsync(LicenseManagementClient client, RedeliverSettings settings, CancellationToken cancellationToken) =>
        client.Webhooks.RedeliverAsync(settings.EndpointId, settings.DeliveryId, cancellationToken);

    protected override void Show(WebhookDelivery answer, RedeliverSettings settings)
    {
        Output.Done($"Queued {answer.Id}, a redelivery of {answer.RedeliveryOf}.", json: false);
        WebhookView.Deliveries([answer]);
    }
}
