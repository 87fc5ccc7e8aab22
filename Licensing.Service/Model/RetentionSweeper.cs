using Npgsql;

namespace Platform.Licensing.Model;

/// <summary>
/// Keeps the tables that only grow from growing for ever. Every <see cref="Interval"/> (<c>Licensing:RetentionSweepMinutes</c>,
/// default 60) it deletes, a chunk at a time so that no statement holds many rows: usage records older than
/// <c>Licensing:UsageRetentionDays</c> (90), idempotency keys older than <c>Licensing:IdempotencyKeyDays</c> (7: longer
/// than Stripe retries an event, 3 days), usage report ids older than a day (a report whose answer was lost is sent again within seconds), outbox rows published more than <c>Licensing:OutboxRetentionDays</c> (7) ago, and
/// <c>validation.failed</c> notice rows with nothing pending whose minute is over.
/// A license's own counters (<c>validation_count</c>, <c>last_validated_at</c>) are kept; only the detail rows go.
/// </summary>
internal sealed class RetentionSweeper(NpgsqlDataSource dataSource, RetentionPolicy policy, ILogger<RetentionSweeper> logger) : BackgroundService
{
    private const int Chunk = 5_000;

    internal TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var swept = await SweepAsync(DateTimeOffset.UtcNow, stoppingToken);
                if (swept > 0)
                {
                    logger.LogInformation("Retention sweep deleted {Rows} rows", swept);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "The retention sweep failed; retrying in {Interval}", Interval);
            }

            await Task.Delay(Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Deletes everything past its retention as of <paramref name="now"/>.</summary>
    /// <returns>How many rows were deleted.</returns>
    public async Task<long> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await DeleteAsync("usage_records", "occurred_at < @before", now - policy.Usage, cancellationToken)
        + await DeleteAsync("idempotency_keys", "created_at < @before", now - policy.IdempotencyKeys, cancellationToken)
        + await DeleteAsync("outbox", "published_at < @before", now - policy.PublishedOutbox, cancellationToken)
        + await DeleteAsync("usage_reports_received", "received_at < @before", now - policy.UsageReportIds, cancellationToken)
        // A notice row with nothing pending whose minute is over changes nothing: without it the next refusal is sent at once, as with it.
        + await DeleteAsync("validation_failure_notices", "pending = 0 AND last_sent_at < @before", now - IntegrationEvents.ValidationFailureNotices.Spacing, cancellationToken);

    private async Task<long> DeleteAsync(string table, string condition, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var sql = $"DELETE FROM {table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM {table} WHERE {condition} LIMIT {Chunk}))";
        long total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("before", before));
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < Chunk)
            {
                return total;
            }
        }
    }
}

/// <summary>How long each kind of row is kept.</summary>
internal sealed record RetentionPolicy(TimeSpan Usage, TimeSpan IdempotencyKeys, TimeSpan PublishedOutbox)
{
    /// <summary>How long a usage report's id is remembered, so that a report sent again is counted once.</summary>
    public TimeSpan UsageReportIds { get; init; } = TimeSpan.FromDays(1);

    public static RetentionPolicy From(IConfiguration configuration) => new(
        TimeSpan.FromDays(Math.Max(1, configuration.GetValue("Licensing:UsageRetentionDays", 90.0))),
        TimeSpan.FromDays(Math.Max(1, configuration.GetValue("Licensing:IdempotencyKeyDays", 7.0))),
        TimeSpan.FromDays(Math.Max(1, configuration.GetValue("Licensing:OutboxRetentionDays", 7.0))));
}
