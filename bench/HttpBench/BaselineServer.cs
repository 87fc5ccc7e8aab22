using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Bench.Http;

/// <summary>The baseline: bare Kestrel and a minimal API reading the body and answering a validation-sized JSON.</summary>
internal static class BaselineServer
{
    private static readonly byte[] Answer = """{"valid":true,"license":{"id":"lic_bench","status":"active","type":"perpetual"},"validatedAt":"2026-01-01T00:00:00Z"}"""u8.ToArray();

    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
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
