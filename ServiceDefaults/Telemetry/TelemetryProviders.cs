using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>Holds the tracer and meter providers for the life of the host; disposing them when it stops flushes what is buffered.</summary>
internal sealed class TelemetryProviders(TracerProvider tracerProvider, MeterProvider meterProvider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracerProvider.Dispose();
        meterProvider.Dispose();
        return Task.CompletedTask;
    }
}
