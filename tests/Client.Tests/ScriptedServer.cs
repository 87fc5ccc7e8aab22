using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Client.Tests;

/// <summary>A platform stand-in on real Kestrel that answers each request with the next of its scripted answers, and counts them.</summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Queue<Func<HttpContext, Task>> script;
    private int requests;

    private ScriptedServer(WebApplication app, IEnumerable<Func<HttpContext, Task>> answers)
    {
        this.app = app;
        script = new Queue<Func<HttpContext, Task>>(answers);
    }

    public int Requests => requests;

    public Uri Url => new(app.Urls.First());

    public static async Task<ScriptedServer> StartAsync(params Func<HttpContext, Task>[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new ScriptedServer(builder.Build(), answers);
        server.app.Run(context =>
        {
            Interlocked.Increment(ref server.requests);
            Func<HttpContext, Task> answer;
            lock (server.script)
            {
                answer = server.script.Count > 1 ? server.script.Dequeue() : server.script.Peek();
            }

            return answer(context);
        });
        await server.app.StartAsync();
        return server;
    }

    /// <summary>An answer of <paramref name="status"/> with <paramref name="json"/> as its body.</summary>
    public static Func<HttpContext, Task> Json(int status, string json, Action<HttpResponse>? headers = null) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        headers?.Invoke(context.Response);
        await context.Response.WriteAsync(json);
    };

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
