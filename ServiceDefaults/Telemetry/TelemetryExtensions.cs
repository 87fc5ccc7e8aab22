using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// Traces, metrics and logs with the OpenTelemetry SDK, exported over OTLP when an endpoint is configured; without
/// one, traces and metrics are not collected at all (they would cost every request and reach nobody).
/// </summary>
internal static class TelemetryExtensions
{
    public static void ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name
            ? name
            : builder.Environment.ApplicationName;
        var otlp = OtlpSettings.From(builder.Configuration);

        // CreateDefault also reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES from the environment.
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            if (otlp is not null)
            {
                logging.AddOtlpExporter(o => otlp.Apply(o, "logs"));
            }
        });

        if (otlp is null)
        {
            // Nothing would receive them: no listener, so no activity or measurement is recorded per request
            // (the Gateway still passes a client's trace context on as it came).
            WithoutPerRequestHostingLogs(builder);
            return;
        }

        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(TelemetrySources.ActivitySources)
            // rpc.* attributes (service, method, status) on the HttpClient span of every gRPC call.
            .AddGrpcClientInstrumentation()
            .AddOtlpExporter(o => otlp.Apply(o, "traces"));
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(TelemetrySources.Meters)
            .AddOtlpExporter(o => otlp.Apply(o, "metrics"));

        // Without OpenTelemetry.Extensions.Hosting the providers are ours to own: built now so the
        // first request is traced, disposed (and flushed) when the host stops.
        builder.Services.AddSingleton(new TelemetryProviders(tracing.Build(), metrics.Build()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TelemetryProviders>());
    }

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
        const string category = "Microsoft.AspNetCore.Hosting.Diagnostics";
        if (builder.Configuration[$"Logging:LogLevel:{category}"] is null)
        {
            builder.Logging.AddFilter(category, LogLevel.None);
        }
    }
}
