using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Client.Tests;

/// <summary>One webhook request as received: the platform's headers and the raw body.</summary>
internal sealed record ReceivedWebhook(string DeliveryId, string Event, string Timestamp, string Signature, string Body);

/// <summary>A vendor's webhook receiver on loopback (test-mode endpoints may use it), noting every request and answering 200.</summary>
internal sealed class ManagementWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private ManagementWebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public Uri Url => new($"{app.Urls.First()}/hooks");

    public static async Task<ManagementWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = new ManagementWebhookReceiver(builder.Build());
        receiver.app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var headers = context.Request.Headers;
            receiver.Received.Enqueue(new ReceivedWebhook(headers["X-TO-Delivery-ID"].ToString(), headers["X-TO-Event"].ToString(),
                headers["X-TO-Timestamp"].ToString(), headers["X-TO-Signature"].ToString(), await reader.ReadToEndAsync()));
            return Results.Ok();
        });
        await receiver.app.StartAsync();
        return receiver;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
