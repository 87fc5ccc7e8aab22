using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry as Aspire's service-defaults template has it: logs, traces and metrics through
/// <c>OpenTelemetry.Extensions.Hosting</c>, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured
/// (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c> and <c>OTEL_RESOURCE_ATTRIBUTES</c>, read from
/// configuration). Without an endpoint, traces and metrics are not collected at all: they would cost every request
/// and reach nobody.
/// </summary>
internal static class TelemetryExtensions
{
    private const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static void ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        if (builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is not { Length: > 0 })
        {
            WithoutPerRequestHostingLogs(builder);
            return;
        }

        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsHealthProbe(context.Request.Path))
                // The Gateway's readiness check asks every service's /health: not part of any request.
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = request => request.RequestUri is not { } uri || !IsHealthProbe(uri.AbsolutePath))
                // rpc.* attributes (service, method, status) on the HttpClient span of every gRPC call.
                .AddGrpcClientInstrumentation()
                .AddNpgsql()
                .AddSource(TelemetrySources.ActivitySources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(TelemetrySources.Meters))
            .UseOtlpExporter();
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");

    private static bool IsHealthProbe(string path) => IsHealthProbe(new PathString(path));

    /// <summary>
    /// ASP.NET Core's hosting starts an <see cref="System.Diagnostics.Activity"/> and a logging scope for every request
    /// whenever its diagnostics category logs at any level, only so that log lines can carry a trace id; HttpClient
    /// then starts a child activity for every upstream call. With no trace exporter that is 15 % of the Gateway's CPU
    /// per forwarded request, for ids nobody reads. So that category is off unless the configuration names a level
    /// for it (<c>Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics</c>, e.g. <c>Information</c> to see
    /// every request).
    /// </summary>
    private static void WithoutPerRequestHostingLogs(IHostApplicationBuilder builder)
    {
        if (builder.Configuration[$"Logging:LogLevel:{HostingDiagnostics}"] is null)
        {
            builder.Logging.AddFilter(HostingDiagnostics, LogLevel.None);
        }
    }
}
