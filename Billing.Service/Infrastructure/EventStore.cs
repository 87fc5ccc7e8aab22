using Npgsql;
using Platform.Billing.Model;
using Platform.Billing.Processing;
using Stripe;

namespace Platform.Billing.Infrastructure;

/// <summary>
/// The verified Stripe events, stored before they are answered and de-duplicated by Stripe's event id, with
/// their processing state. The processor claims due events one at a time with <c>FOR UPDATE SKIP LOCKED</c>,
/// so replicas share the work and never run one event twice at once.
/// </summary>
internal sealed class EventStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "tenant_id, event_id, environment, type, created_at, payload, received_at, status, attempts, next_attempt_at, outcome, processed_at, unmapped_price_id";

    // Back in the queue, due now, with its attempts counted afresh: a retry, and a checkout whose price is mapped now.
    private const string Requeue = "status = 'pending', attempts = 0, next_attempt_at = now(), processed_at = NULL, unmapped_price_id = NULL";

    /// <returns>False when the event was already stored (Stripe delivered it again).</returns>
    public async Task<bool> AddAsync(string tenantId, Event stripeEvent, string payload, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO stripe_events (tenant_id, event_id, environment, type, created_at, payload, received_at, status, next_attempt_at)
            VALUES (@tenant, @id, @environment, @type, @created, @payload, now(), 'pending', now())
            ON CONFLICT (tenant_id, event_id) DO NOTHING
            """)
            .With("tenant", tenantId).With("id", stripeEvent.Id).With("environment", BillingEnvironment.Of(stripeEvent.Livemode))
            .With("type", stripeEvent.Type).With("created", StripeTimes.Of(stripeEvent.Created)).With("payload", payload);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<(IReadOnlyList<StoredEvent> Events, long Total)> ListAsync(
        string tenantId, string environment, string? status, int skip, int limit, CancellationToken cancellationToken)
    {
        const string filter = "tenant_id = @tenant AND environment = @environment AND (@status::text IS NULL OR status = @status)";
        await using var count = dataSource.CreateCommand($"SELECT count(*) FROM stripe_events WHERE {filter}")
            .With("tenant", tenantId).With("environment", environment).With("status", status);
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM stripe_events WHERE {filter} ORDER BY received_at DESC, event_id OFFSET @skip LIMIT @limit")
            .With("tenant", tenantId).With("environment", environment).With("status", status).With("skip", skip).With("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }

        return (events, total);
    }

    public async Task<StoredEvent?> FindAsync(string tenantId, string environment, string eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM stripe_events WHERE tenant_id = @tenant AND environment = @environment AND event_id = @id")
            .With("tenant", tenantId).With("environment", environment).With("id", eventId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Puts a failed or needs-attention event back in the queue, due now, with its attempts counted afresh.</summary>
    public async Task<bool> RetryAsync(string tenantId, string environment, string eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE stripe_events SET {Requeue}
            WHERE tenant_id = @tenant AND environment = @environment AND event_id = @id AND status IN ('failed', 'needs_attention')
            """)
            .With("tenant", tenantId).With("environment", environment).With("id", eventId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Puts the events waiting for a mapping of <paramref name="priceId"/> (needs attention) back in the queue, due now,
    /// inside the transaction that saves the mapping.
    /// </summary>
    /// <returns>How many it released.</returns>
    public static async Task<int> ReleaseWaitingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string environment, string priceId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            UPDATE stripe_events SET {Requeue}, outcome = 'Price ' || @price || ' is mapped now; processing again.'
            WHERE tenant_id = @tenant AND environment = @environment AND status = 'needs_attention' AND unmapped_price_id = @price
            """, connection, transaction);
        return await command.With("tenant", tenantId).With("environment", environment).With("price", priceId).ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The oldest due event (by Stripe's own creation time), locked for this transaction; null when none is due.</summary>
    public static async Task<StoredEvent?> ClaimNextAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM stripe_events WHERE status = 'pending' AND next_attempt_at <= now()
            ORDER BY created_at, received_at LIMIT 1 FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>
    /// Records what processing the event came to: done (applied, skipped, failed), waiting for a mapping of
    /// <paramref name="unmappedPriceId"/> (needs attention), or pending again at <paramref name="nextAttemptAt"/>.
    /// </summary>
    public static async Task RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, StoredEvent stored, string status, int attempts, DateTimeOffset? nextAttemptAt, string outcome,
        string? unmappedPriceId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE stripe_events SET status = @status, attempts = @attempts, next_attempt_at = coalesce(@next, next_attempt_at), outcome = @outcome,
                processed_at = CASE WHEN @status = 'pending' THEN NULL ELSE now() END, unmapped_price_id = @price
            WHERE tenant_id = @tenant AND event_id = @id
            """, connection, transaction);
        command.With("status", status).With("attempts", attempts).With("next", nextAttemptAt).With("outcome", outcome[..Math.Min(outcome.Length, 2000)])
            .With("price", unmappedPriceId).With("tenant", stored.TenantId).With("id", stored.EventId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static StoredEvent Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4),
        reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7), reader.GetInt32(8),
        reader.GetFieldValue<DateTimeOffset>(9), reader.NullableString(10), reader.NullableTime(11), reader.NullableString(12));
}
