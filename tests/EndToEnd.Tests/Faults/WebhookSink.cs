using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.EndToEnd.Tests.Faults;

/// <summary>A vendor's webhook receiver that notes every delivery: its event id and the license it names.</summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookSink(WebApplication app) => this.app = app;

    public ConcurrentQueue<(string EventId, string LicenseId)> Deliveries { get; } = new();

    public static async Task<WebhookSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var sink = new WebhookSink(builder.Build());
        sink.app.MapPost("/hooks", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            sink.Deliveries.Enqueue((context.Request.Headers["X-TO-Event-ID"].ToString(), body.GetProperty("data").GetProperty("licenseId").GetString()!));
            return Results.Ok();
        });
        await sink.app.StartAsync();
        return sink;
    }

    /// <summary>Registers the sink for <paramref name="eventType"/> with the tenant of <paramref name="api"/>; the endpoint's id.</summary>
    public async Task<string> SubscribeAsync(HttpClient api, string eventType)
    {
        using var created = await api.PostAsJsonAsync("/api/v1/webhooks", new { url = $"{app.Urls.First()}/hooks", events = new[] { eventType } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
