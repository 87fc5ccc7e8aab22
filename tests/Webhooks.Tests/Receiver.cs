using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Webhooks.Tests;

/// <summary>A vendor's webhook receiver on real Kestrel: records every request and answers the scripted status codes, then 200.</summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private Receiver(WebApplication app, ConcurrentQueue<ReceivedRequest> requests, int port)
    {
        this.app = app;
        Requests = requests;
        Port = port;
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/hooks";
    public ConcurrentQueue<ReceivedRequest> Requests { get; }

    /// <param name="port">0 for any free port.</param>
    public static Task<Receiver> StartAsync(int port = 0, params int[] statuses)
    {
        var script = new ConcurrentQueue<int>(statuses);
        return StartAsync(port, _ => Task.FromResult(Results.StatusCode(script.TryDequeue(out var status) ? status : 200)));
    }

    /// <summary>A receiver that answers with <paramref name="respond"/>.</summary>
    public static async Task<Receiver> StartAsync(int port, Func<HttpContext, Task<IResult>> respond)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var requests = new ConcurrentQueue<ReceivedRequest>();
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            requests.Enqueue(new ReceivedRequest(headers, body, DateTimeOffset.UtcNow));
            return await respond(context);
        });
        await app.StartAsync();
        var bound = new Uri(app.Urls.First()).Port;
        return new Receiver(app, requests, bound);
    }

    public async Task<List<ReceivedRequest>> WaitForAsync(int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (Requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(Requests.Count >= count, $"The receiver got {Requests.Count} requests, expected {count}.");
        return [.. Requests];
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal sealed record ReceivedRequest(IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);
