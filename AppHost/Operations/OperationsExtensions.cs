using Microsoft.Extensions.Hosting;

namespace Platform.AppHost.Operations;

public static class OperationsExtensions
{
    /// <summary>
    /// What an operator of the platform gets beyond Aspire's own: <c>--AppHost:Reset=true</c> empties the data
    /// folder first, crashed resources are started again, and <c>resources.json</c> tells scripts what runs where.
    /// </summary>
    public static IDistributedApplicationBuilder AddPlatformOperations(this IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        if (settings.Reset && Directory.Exists(settings.DataDir))
        {
            Directory.Delete(settings.DataDir, recursive: true);
        }

        Directory.CreateDirectory(settings.DataDir);
        // Left by a run that was killed: it would tell scripts that this one is ready.
        File.Delete(Path.Combine(settings.DataDir, ResourceStateFile.FileName));
        builder.Services.AddSingleton(settings);
        // Ahead of Aspire's own hosted services, so that they watch from the first state on.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, CrashRestarts>());
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ResourceStateFile>());
        return builder.AddGracefulStop();
    }

    /// <summary>Stopping the application stops every resource and waits until each has exited (services first).</summary>
    public static IDistributedApplicationBuilder AddGracefulStop(this IDistributedApplicationBuilder builder)
    {
        // Last, so that its StoppingAsync runs before Aspire's own services stop.
        builder.Services.AddHostedService<GracefulStop>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(60));
        return builder;
    }
}
