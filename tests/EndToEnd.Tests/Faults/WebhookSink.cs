using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.EndToEnd.Tests.Faults;

/// <summary>One request a <see cref="WebhookSink"/> received: the signing headers and the body as sent.</summary>
internal sealed record WebhookDelivery(string EventId, string Event, string Timestamp, string Signature, string Body)
{
    public string LicenseId => JsonDocument.Parse(Body).RootElement.GetProperty("data").GetProperty("licenseId").GetString()!;
}

/// <summary>A vendor's webhook receiver on real Kestrel that notes every delivery and answers 200.</summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookSink(WebApplication app) => this.app = app;

    public ConcurrentQueue<WebhookDelivery> Deliveries { get; } = new();

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
            sink.Deliveries.Enqueue(new WebhookDelivery(headers["X-TO-Event-ID"].ToString(), headers["X-TO-Event"].ToString(),
                headers["X-TO-Timestamp"].ToString(), headers["X-TO-Signature"].ToString(), await reader.ReadToEndAsync()));
            return Results.Ok();
        });
        await sink.app.StartAsync();
        return sink;
    }

    /// <summary>Registers the sink for <paramref name="eventType"/> with the tenant of <paramref name="api"/>; the endpoint's id and secret.</summary>
    public async Task<(string Id, string Secret)> SubscribeAsync(HttpClient api, string eventType)
    {
        using var created = await api.PostAsJsonAsync("/api/v1/webhooks", new { url = $"{app.Urls.First()}/hooks", events = new[] { eventType } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var endpoint = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (endpoint.GetProperty("id").GetString()!, endpoint.GetProperty("secret").GetString()!);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
