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
            return;
        }

        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(TelemetrySources.ActivitySources)
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
}
