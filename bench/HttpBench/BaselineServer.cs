using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Platform.Bench.Http;

/// <summary>
/// The baseline: bare Kestrel and a minimal API reading the body and answering a validation-sized JSON, over HTTP/1.1
/// and, on a second port when asked, HTTP/2 without TLS (what the Gateway speaks to Validation).
/// </summary>
internal static class BaselineServer
{
    private static readonly byte[] Answer = """{"valid":true,"license":{"id":"lic_bench","status":"active","type":"perpetual"},"validatedAt":"2026-01-01T00:00:00Z"}"""u8.ToArray();

    public static async Task<int> RunAsync(int port, int? h2cPort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            if (h2cPort is { } second)
            {
                // HTTP/2 without TLS (prior knowledge) needs an endpoint of its own.
                kestrel.Listen(IPAddress.Loopback, second, listen => listen.Protocols = HttpProtocols.Http2);
            }
        });

        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/v1/validate", async (HttpContext context) =>
        {
            var buffer = new byte[4096];
            while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
            {
            }

            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Answer, context.RequestAborted);
        });
        app.MapGet("/health", () => "ok");
        await app.RunAsync();
        return 0;
    }
}
