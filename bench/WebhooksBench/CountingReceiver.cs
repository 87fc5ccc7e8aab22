using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Bench.Webhooks;

/// <summary>A webhook receiver that verifies every signature and counts what arrives per event id.</summary>
internal sealed class CountingReceiver : IAsyncDisposable
{
    private WebApplication app = null!;

    public string Url { get; private set; } = "";
    public ConcurrentDictionary<string, int> PerEvent { get; } = new();
    public int BadSignatures => badSignatures;
    public DateTimeOffset LastArrival { get; private set; }

    private int badSignatures;

    public static async Task<CountingReceiver> StartAsync(Func<string> secret)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new CountingReceiver { app = app };
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Record(context.Request.Headers["X-TO-Event-ID"].ToString(), context.Request.Headers["X-TO-Timestamp"].ToString(),
                context.Request.Headers["X-TO-Signature"].ToString(), body, secret());
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.Url = new Uri(app.Urls.First()) + "hooks";
        return receiver;
    }

    private void Record(string eventId, string timestamp, string signature, string body, string secret)
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        if (!signature.Split(',').Contains(expected))
        {
            Interlocked.Increment(ref badSignatures);
        }

        PerEvent.AddOrUpdate(eventId, 1, (_, n) => n + 1);
        LastArrival = DateTimeOffset.UtcNow;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
