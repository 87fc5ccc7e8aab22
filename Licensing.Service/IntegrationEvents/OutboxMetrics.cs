using System.Diagnostics.Metrics;
using Npgsql;
using Platform.Licensing.Grpc;

namespace Platform.Licensing.IntegrationEvents;

/// <summary>
/// The outbox's backlog and the age of its oldest unpublished row (<c>licensing.outbox.backlog</c>,
/// <c>licensing.outbox.oldest_age</c> on the meter <c>Platform.Licensing</c>). Read every few seconds, and only while
/// something listens to the meter, from the partial index on unpublished rows; the gauges report the last reading.
/// </summary>
internal sealed class OutboxMetrics : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly NpgsqlDataSource dataSource;
    private readonly ILogger<OutboxMetrics> logger;
    private readonly ObservableGauge<long> backlog;
    private readonly ObservableGauge<double> oldestAge;
    private Reading last = new(0, 0);

    public OutboxMetrics(NpgsqlDataSource dataSource, IMeterFactory meters, ILogger<OutboxMetrics> logger)
    {
        this.dataSource = dataSource;
        this.logger = logger;
        var meter = meters.Create(CallMetrics.MeterName);
        backlog = meter.CreateObservableGauge("licensing.outbox.backlog", () => last.Backlog, unit: "{event}", description: "Committed events not yet published to the event bus.");
        oldestAge = meter.CreateObservableGauge("licensing.outbox.oldest_age", () => last.OldestAgeSeconds, unit: "s", description: "How long the oldest unpublished event has waited.");
    }

    private sealed record Reading(long Backlog, double OldestAgeSeconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                if (backlog.Enabled || oldestAge.Enabled)
                {
                    await ReadAsync(stoppingToken);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            last = await QueryAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(ex, "Could not read the outbox backlog");
        }
    }

    private async Task<Reading> QueryAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 FROM outbox WHERE published_at IS NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Reading(reader.GetInt64(0), reader.GetDouble(1));
    }
}
