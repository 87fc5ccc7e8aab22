using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>Traces, metrics and logs with the OpenTelemetry SDK, exported over OTLP when an endpoint is configured.</summary>
internal static class TelemetryExtensions
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name
            ? name
            : builder.Environment.ApplicationName;
        var otlpEndpoint = builder.Configuration[OtlpEndpointKey] is { Length: > 0 } endpoint ? new Uri(endpoint) : null;

        // CreateDefault also reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES from the environment.
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            if (otlpEndpoint is not null)
            {
                logging.AddOtlpExporter(o => o.Endpoint = otlpEndpoint);
            }
        });

        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(TelemetrySources.ActivitySources);
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(TelemetrySources.Meters);
        if (otlpEndpoint is not null)
        {
            tracing.AddOtlpExporter(o => o.Endpoint = otlpEndpoint);
            metrics.AddOtlpExporter(o => o.Endpoint = otlpEndpoint);
        }

        // Without OpenTelemetry.Extensions.Hosting the providers are ours to own: built now so the
        // first request is traced, disposed (and flushed) when the host stops.
        builder.Services.AddSingleton(new TelemetryProviders(tracing.Build(), metrics.Build()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TelemetryProviders>());
    }
}
