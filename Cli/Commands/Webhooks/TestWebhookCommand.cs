using System.ComponentModel;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;
using Spectre.Console.Cli;

namespace LicensePlatform.Cli.Commands.Webhooks;

public sealed class WebhookIdSettings : PlatformSettings
{
    [CommandArgument(0, "<ENDPOINT_ID>")]
    [Description("The endpoint's id (whe_…)")]
    public string EndpointId { get; init; } = "";
}

/// <summary>Queues one webhook.test event to an endpoint (a single attempt), to check the receiver.</summary>
public sealed class TestWebhookCommand : ManagementCommand<WebhookIdSettings, WebhookDelivery>
{
    protected override Task<WebhookDelivery> CallAsync(LicenseManagementClient client, WebhookIdSettings settings, CancellationToken cancellationToken) =>
        client.Webhooks.TestAsync(settings.EndpointId, cancellationToken);

    protected override void Show(WebhookDelivery answer, WebhookIdSettings settings)
    {
        Output.Done($"Queued {answer.Id} (webhook.test); licensectl webhooks deliveries {answer.EndpointId} shows how it went.", json: false);
    }
}
