using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Platform.Gateway.Tests;

/// <summary>
/// A plain Kestrel service behind the Gateway. By default it answers with what it received (method, path, query,
/// headers, body length) as JSON; the request header <c>X-Test-Behaviour</c> picks something else: <c>echo-body</c>,
/// <c>slow</c> (waits 30 s, notes being cancelled), <c>stream</c> (a first chunk, then the rest once released) or
/// <c>hop</c> (answers with hop-by-hop headers). It serves a small OpenAPI document of its own. It listens twice:
/// HTTP/1.1 at <see cref="Address"/> and HTTP/2 without TLS (prior knowledge) at <see cref="H2cAddress"/>.
/// </summary>
internal sealed class Upstream : IAsyncDisposable
{
    public const string OpenApiDocument = """
        {"openapi":"3.1.1","info":{"title":"Upstream","version":"v1"},
         "paths":{
           "/api/v1/validate":{"post":{"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ValidateRequest"}}}},
                                       "responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/CreateProductRequest"}}}}}}},
           "/internal/metrics":{"get":{"responses":{"200":{"description":"OK"}}}}},
         "components":{"schemas":{"ValidateRequest":{"type":"object","properties":{"key":{"type":"string"}}},
                                  "CreateProductRequest":{"type":"object","description":"Another service's schema under a name Licensing uses too"}}}}
        """;

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> signals = new();

    private Upstream(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    public Uri H2cAddress { get; private set; } = null!;

    /// <summary>A signal shared by the test and the upstream under <paramref name="id"/> (the request's <c>X-Test-Id</c>).</summary>
    public TaskCompletionSource Signal(string id) => signals.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public static async Task<Upstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        ListenOptions http1 = null!, h2c = null!;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, listen => http1 = listen);
            k.Listen(IPAddress.Loopback, 0, listen => (h2c = listen).Protocols = HttpProtocols.Http2);
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new Upstream(app);
        app.MapGet("/openapi/v1.json", () => Results.Text(OpenApiDocument, "application/json"));
        app.Map("/{**path}", upstream.HandleAsync);
        await app.StartAsync(); // binding puts the ports the kernel gave into the listen options
        upstream.Address = new Uri($"http://127.0.0.1:{http1.IPEndPoint!.Port}");
        upstream.H2cAddress = new Uri($"http://127.0.0.1:{h2c.IPEndPoint!.Port}");
        return upstream;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var id = context.Request.Headers["X-Test-Id"].ToString();
        switch (context.Request.Headers["X-Test-Behaviour"].ToString())
        {
            case "echo-body":
                context.Response.ContentType = "application/octet-stream";
                await context.Request.Body.CopyToAsync(context.Response.Body, context.RequestAborted);
                return;
            case "slow":
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    Signal(id + ":aborted").TrySetResult();
                }

                return;
            case "stream":
                context.Response.ContentType = "application/octet-stream";
                var chunk = new byte[64 * 1024];
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Signal(id).Task.WaitAsync(TimeSpan.FromSeconds(30), context.RequestAborted);
                for (var i = 0; i < 16 * 16; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }

                return;
            case "hop":
                context.Response.Headers.Connection = "X-Up-Hop";
                context.Response.Headers["X-Up-Hop"] = "1";
                context.Response.Headers["Keep-Alive"] = "timeout=5";
                context.Response.Headers["X-Up-End"] = "1";
                await context.Response.WriteAsync("hop");
                return;
            default:
                var length = 0L;
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
                {
                    length += read;
                }

                await context.Response.WriteAsJsonAsync(new
                {
                    method = context.Request.Method,
                    path = context.Request.Path.Value,
                    query = context.Request.QueryString.Value,
                    bodyLength = length,
                    headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                });
                return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
