using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Bench.Http;

/// <summary>
/// The floor for any forwarder built on Kestrel and <see cref="HttpClient"/>: one route, one pooled
/// <see cref="SocketsHttpHandler"/>, the body and the answer copied, nothing else (no authentication, rate limit,
/// headers or error handling). What the Gateway costs beyond this is its own work.
/// </summary>
internal static class MinimalProxy
{
    public static async Task<int> RunAsync(int port, Uri upstream, Version version)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false });
        var target = new Uri(upstream, "/api/v1/validate");
        app.MapPost("/api/v1/validate", async (HttpContext context) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact, Content = new StreamContent(context.Request.Body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
            using var response = await invoker.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        app.MapGet("/health", () => "ok");
        await app.RunAsync();
        return 0;
    }
}
