using System.Globalization;
using Platform.AppHost.Servers;

namespace Platform.AppHost.Projects;

/// <summary>How the AppHost runs each of the platform's services.</summary>
public static class ServiceProjectExtensions
{
    /// <summary>The name Aspire gives the dashboard's resource when it runs one.</summary>
    private const string DashboardResourceName = "aspire-dashboard";

    /// <summary>
    /// A service of the solution with its <c>http</c> endpoint on 127.0.0.1:<paramref name="port"/> (a free port
    /// when 0), not proxied, so the Gateway's and the services' calls go straight to Kestrel; ready when its
    /// <c>/health</c> answers 200.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder, string name, PlatformSettings settings, IResourceBuilder<ParameterResource> identitySecret, int port = 0)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true)
            .WithKestrelEndpoint("http", port, http2Only: false)
            .WithHttpHealthCheck("/health", endpointName: "http")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", settings.Environment)
            .WithEnvironment("DOTNET_ENVIRONMENT", settings.Environment)
            // The Gateway signs the caller's identity with it; the services verify it.
            .WithEnvironment("Platform__IdentitySecret", identitySecret)
            .WithEnvironment("Logging__Console__FormatterName", "simple")
            .WithEnvironment("Logging__Console__FormatterOptions__SingleLine", "true")
            .WithEnvironment(WithoutOtlpUnlessTheDashboardRuns);

    /// <summary>
    /// Aspire gives every project the dashboard's OTLP endpoint even when the dashboard is off (benchmarks, tests,
    /// <c>--AppHost:Dashboard=false</c>). A service would then trace every request for nobody, and each stop would wait
    /// some 10 s for its exporter to give up on the missing receiver. So without the dashboard, no OTLP settings.
    /// </summary>
    private static void WithoutOtlpUnlessTheDashboardRuns(EnvironmentCallbackContext context)
    {
        var model = context.ExecutionContext.Services.GetRequiredService<DistributedApplicationModel>();
        if (model.Resources.Any(resource => resource.Name == DashboardResourceName))
        {
            return;
        }

        foreach (var name in context.EnvironmentVariables.Keys.Where(key => key.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            context.EnvironmentVariables.Remove(name);
        }
    }

    /// <summary>An HTTP/2-only endpoint without TLS (h2c, prior knowledge), as gRPC needs.</summary>
    public static IResourceBuilder<ProjectResource> WithHttp2Endpoint(this IResourceBuilder<ProjectResource> project, string name, int port = 0) =>
        project.WithKestrelEndpoint(name, port, http2Only: true);

    /// <summary>
    /// An endpoint Kestrel binds through its own configuration (<c>Kestrel__Endpoints__{name}</c>), loopback only.
    /// Aspire's <c>ASPNETCORE_URLS</c> would bind every endpoint for HTTP/1.1 and HTTP/2 alike, and gRPC over
    /// cleartext needs an HTTP/2-only one.
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithKestrelEndpoint(this IResourceBuilder<ProjectResource> project, string name, int port, bool http2Only)
    {
        var resolved = FreePort.Resolve(port);
        var url = $"http://127.0.0.1:{resolved.ToString(CultureInfo.InvariantCulture)}";
        return project
            .WithHttpEndpoint(port: resolved, targetPort: resolved, name: name, isProxied: false)
            .WithEndpoint(name, endpoint => endpoint.TargetHost = "127.0.0.1")
            .WithEnvironment(context =>
            {
                context.EnvironmentVariables.Remove("ASPNETCORE_URLS");
                context.EnvironmentVariables[$"Kestrel__Endpoints__{name}__Url"] = url;
                if (http2Only)
                {
                    context.EnvironmentVariables[$"Kestrel__Endpoints__{name}__Protocols"] = "Http2";
                }
            });
    }
}
