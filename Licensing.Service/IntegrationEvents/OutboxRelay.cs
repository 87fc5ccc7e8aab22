using MassTransit;
using Npgsql;

namespace Platform.Licensing.IntegrationEvents;

/// <summary>
/// Publishes what the outbox holds, oldest first, and marks it published. Rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so replicas share the work without publishing a row twice at once; a
/// crash between publishing and marking republishes that row (consumers de-duplicate on the event id).
/// A failed publish is counted on the row and retried on the next pass; nothing is ever skipped.
/// </summary>
internal sealed class OutboxRelay(NpgsqlDataSource dataSource, IServiceScopeFactory scopes, ILogger<OutboxRelay> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan FailureDelay = TimeSpan.FromSeconds(2);

    /// <summary>How long one publish may wait for the broker before the pass gives up and retries later.</summary>
    internal TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                delay = await RelayBatchAsync(stoppingToken) == BatchSize ? TimeSpan.Zero : IdleDelay;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox relay pass failed; retrying");
                delay = FailureDelay;
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <returns>How many rows were published.</returns>
    internal async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batch = await ClaimAsync(connection, transaction, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        using var scope = scopes.CreateScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var published = new List<Guid>();
        foreach (var message in batch)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PublishTimeout);
            try
            {
                await publisher.Publish(message.ToMessage(), message.MessageType, context => context.MessageId = message.EventId, timeout.Token);
                published.Add(message.EventId);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Keep the order: stop at the first failure, note it on the row, and try again next pass.
                await RecordFailureAsync(connection, transaction, message.EventId, ex.Message, cancellationToken);
                break;
            }
        }

        await MarkPublishedAsync(connection, transaction, published, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return published.Count;
    }

    private static async Task<List<OutboxRow>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand(
            """
            SELECT id, type, tenant_id, environment, aggregate_id, version, created_at, payload::text
            FROM outbox WHERE published_at IS NULL
            ORDER BY created_at, id LIMIT @limit FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        claim.Parameters.AddWithValue("limit", BatchSize);
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        var batch = new List<OutboxRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new OutboxRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetInt64(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7)));
        }

        return batch;
    }

    private static async Task MarkPublishedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var mark = new NpgsqlCommand("UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ANY(@ids)", connection, transaction);
        mark.Parameters.AddWithValue("ids", ids.ToArray());
        await mark.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task RecordFailureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string error, CancellationToken cancellationToken)
    {
        await using var failed = new NpgsqlCommand("UPDATE outbox SET attempts = attempts + 1, last_error = left(@error, 1000) WHERE id = @id", connection, transaction);
        failed.Parameters.AddWithValue("id", id);
        failed.Parameters.AddWithValue("error", error);
        await failed.ExecuteNonQueryAsync(cancellationToken);
    }
}
