using Platform.AppHost.Operations;

namespace Platform.Testing;

/// <summary>
/// Runs the AppHost's own Postgres and RabbitMQ resources, without the services, in a distributed application of
/// a test's own (no dashboard), so that tests use exactly what the platform runs.
/// </summary>
internal static class AppHostServers
{
    public static IDistributedApplicationBuilder CreateBuilder() =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = [],
            DisableDashboard = true,
            // The AppHost assembly carries where DCP and the dashboard are (metadata the Aspire SDK writes).
            AssemblyName = typeof(Platform.AppHost.PlatformSettings).Assembly.GetName().Name,
        }).AddGracefulStop();

    /// <summary>Starts the application and waits until <paramref name="resource"/> is healthy.</summary>
    public static async Task<DistributedApplication> StartAsync(IDistributedApplicationBuilder builder, string resource, TimeSpan timeout)
    {
        var app = builder.Build();
        using var deadline = new CancellationTokenSource(timeout);
        await app.StartAsync(deadline.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, deadline.Token);
        return app;
    }

    public static string NewDataDir(string purpose) =>
        // Not CreateTempSubdirectory: its 0700 folder would be closed to the postgres and rabbitmq users.
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"platform-{purpose}-" + Guid.NewGuid().ToString("N")[..12])).FullName;
}
