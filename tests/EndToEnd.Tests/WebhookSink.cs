using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// One request a <see cref="WebhookSink"/> received: the signing headers, the body as sent, and the license it is about
/// (<c>data.licenseId</c>, read once on arrival; null for a body without one).
/// </summary>
internal sealed record ReceivedWebhook(string EventId, string Event, string Timestamp, string Signature, string Body, string? LicenseId, string DeliveryId);

/// <summary>A vendor's webhook receiver on real Kestrel that notes every delivery and answers 200.</summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookSink(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedWebhook> Deliveries { get; } = new();

    /// <summary>Where it receives.</summary>
    public Uri Url => new($"{app.Urls.First()}/hooks");

    public static async Task<WebhookSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var sink = new WebhookSink(builder.Build());
        sink.app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var headers = context.Request.Headers;
            var body = await reader.ReadToEndAsync();
            sink.Deliveries.Enqueue(new ReceivedWebhook(headers["X-TO-Event-ID"].ToString(), headers["X-TO-Event"].ToString(),
                headers["X-TO-Timestamp"].ToString(), headers["X-TO-Signature"].ToString(), body, LicenseIdOf(body), headers["X-TO-Delivery-ID"].ToString()));
            return Results.Ok();
        });
        await sink.app.StartAsync();
        return sink;
    }

    /// <summary>Registers the sink for <paramref name="eventType"/> with the tenant of <paramref name="api"/>, until the subscription is disposed.</summary>
    public async Task<WebhookSubscription> SubscribeAsync(HttpClient api, string eventType)
    {
        using var created = await api.PostAsJsonAsync("/api/v1/webhooks", new { url = Url, events = new[] { eventType } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var endpoint = await created.Content.ReadFromJsonAsync<JsonElement>();
        return new WebhookSubscription(api, endpoint.GetProperty("id").GetString()!, endpoint.GetProperty("secret").GetString()!);
    }

    /// <summary>The first <paramref name="eventType"/> delivery about the license, waited for up to <paramref name="within"/>.</summary>
    public async Task<ReceivedWebhook> FirstAsync(string licenseId, string eventType, TimeSpan within)
    {
        for (var deadline = DateTime.UtcNow + within; ; await Task.Delay(100))
        {
            if (Deliveries.FirstOrDefault(d => d.LicenseId == licenseId && d.Event == eventType) is { } delivery)
            {
                return delivery;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The {eventType} webhook of {licenseId} never arrived.");
        }
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static string? LicenseIdOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("data", out var data)
                && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("licenseId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null; // not JSON, so about no license; a test that reads the body reports it
        }
    }
}
