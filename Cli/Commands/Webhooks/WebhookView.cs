using System.Globalization;
using LicensePlatform.Cli.Infrastructure;
using LicensePlatform.Client.Management;

namespace LicensePlatform.Cli.Commands.Webhooks;

/// <summary>How webhook endpoints and deliveries look for people.</summary>
internal static class WebhookView
{
    public static void Endpoints(IEnumerable<WebhookEndpoint> endpoints)
    {
        var table = Output.Table("ID", "URL", "Events", "Enabled", "Description", "Created");
        foreach (var endpoint in endpoints)
        {
            table.Row(endpoint.Id, endpoint.Url.ToString(), Output.List(endpoint.Events),
                endpoint.Enabled ? "yes" : $"no ({endpoint.DisabledReason})", endpoint.Description, Output.Date(endpoint.CreatedAt));
        }

        Output.Show(table);
    }

    public static void Deliveries(IEnumerable<WebhookDelivery> deliveries)
    {
        var table = Output.Table("ID", "Event", "Status", "Attempts", "Last answer", "Last attempt", "Redelivery of");
        foreach (var delivery in deliveries)
        {
            table.Row(delivery.Id, delivery.Event, Output.Name(delivery.Status), delivery.Attempts.ToString(CultureInfo.InvariantCulture),
                delivery.LastResponseCode?.ToString(CultureInfo.InvariantCulture) ?? delivery.LastError, Output.Date(delivery.LastAttemptAt), delivery.RedeliveryOf);
        }

        Output.Show(table);
    }
}
