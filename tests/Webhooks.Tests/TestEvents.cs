using System.Net.Http.Json;
using Platform.Contracts.Events;

namespace Platform.Webhooks.Tests;

internal static class TestEvents
{
    public static string NewTenant() => "ten_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A license event shaped as Licensing's outbox writes it; <paramref name="metadata"/> goes into its data.</summary>
    public static LicenseEvent License(string tenantId, string type = "license.created", string environment = "test", object? metadata = null)
    {
        var id = Guid.CreateVersion7();
        var licenseId = "lic_" + Guid.NewGuid().ToString("N")[..22];
        var now = DateTimeOffset.UtcNow;
        var payload = JsonSerializer.Serialize(new
        {
            @event = type,
            timestamp = now.UtcDateTime,
            id,
            tenant = tenantId,
            environment,
            version = 1,
            data = new { licenseId, productId = "prod_1", id = licenseId, key = "TO-A3F2-B891-C4D7-E052", status = "active", metadata = metadata ?? new { } },
        });
        return new LicenseEvent(id, type, tenantId, environment, licenseId, 1, now, payload);
    }

    /// <summary>Creates an endpoint through the API; its id and its secret.</summary>
    public static async Task<(string Id, string Secret)> CreateEndpointAsync(this HttpClient client, string url, params string[] events)
    {
        var response = await client.PostJsonAsync("/api/v1/webhooks", new { url, events = events.Length > 0 ? events : ["*"], description = "test" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        return (body.GetProperty("id").GetString()!, body.GetProperty("secret").GetString()!);
    }

    /// <summary>Polls the delivery log until a delivery (of <paramref name="eventType"/>, if given) reaches <paramref name="status"/>; that delivery.</summary>
    public static async Task<JsonElement> WaitForDeliveryAsync(this HttpClient client, string endpointId, string status, TimeSpan? within = null, string? eventType = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{endpointId}/deliveries?status={status}");
            foreach (var delivery in page.GetProperty("data").EnumerateArray())
            {
                if (eventType is null || delivery.GetProperty("event").GetString() == eventType)
                {
                    return delivery;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"No delivery of endpoint {endpointId} became {status}.");
            await Task.Delay(50);
        }
    }

    public static async Task<JsonElement> DeliveriesAsync(this HttpClient client, string endpointId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{endpointId}/deliveries");
}
