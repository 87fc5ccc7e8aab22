using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Dashboard;

/// <summary>The operator endpoint of the AppHost: a JSON status document of every resource (the dashboard grows from here).</summary>
internal static class DashboardServer
{
    public static WebApplication Create(int port, IReadOnlyList<Resource> resources, ConsoleOutput output)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The AppHost handles Ctrl+C and SIGTERM itself, so the dashboard's host must not.
        builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();

        app.MapGet("/api/resources", () => TypedResults.Json(resources.Select(ResourceStatus.Of)));
        app.MapGet("/api/resources/{name}/logs", (string name) =>
            resources.Any(r => r.Name == name) ? Results.Json(output.Recent(name)) : Results.NotFound());
        app.MapGet("/", () => Results.Redirect("/api/resources"));
        return app;
    }

    private sealed class NoSignalLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
