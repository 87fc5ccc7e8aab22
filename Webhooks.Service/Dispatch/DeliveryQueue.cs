using Npgsql;
using NpgsqlTypes;

namespace Platform.Webhooks.Dispatch;

/// <summary>
/// The deliveries table as a work queue. A claim takes due rows with <c>FOR UPDATE SKIP LOCKED</c> and
/// pushes their next attempt a lease into the future in the same statement, so replicas never send the
/// same attempt together, and a replica that dies mid-send leaves the row to be retried when the lease ends.
/// </summary>
public sealed class DeliveryQueue(NpgsqlDataSource dataSource)
{
    public async Task<List<DeliveryWork>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var claim = dataSource.CreateCommand(
            """
            WITH due AS (
                SELECT d.id FROM deliveries d JOIN endpoints e ON e.id = d.endpoint_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND e.enabled
                ORDER BY d.next_attempt_at
                LIMIT @limit
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE deliveries d
            SET attempts = d.attempts + 1, next_attempt_at = now() + @lease, last_attempt_at = now()
            FROM due, endpoints e
            WHERE d.id = due.id AND e.id = d.endpoint_id
            RETURNING d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.attempts, d.max_attempts, e.url, e.secret,
                CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END, e.failing_since IS NOT NULL, e.environment
            """);
        claim.Parameters.AddWithValue("limit", limit);
        claim.Parameters.AddWithValue("lease", NpgsqlDbType.Interval, lease);
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        var work = new List<DeliveryWork>();
        while (await reader.ReadAsync(cancellationToken))
        {
            List<string> secrets = [reader.GetString(8)];
            if (!reader.IsDBNull(9))
            {
                secrets.Add(reader.GetString(9));
            }

            work.Add(new DeliveryWork(reader.GetString(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetInt32(6), reader.GetString(7), secrets, reader.GetBoolean(10), reader.GetString(11)));
        }

        return work;
    }

    /// <summary>Records the outcomes of a batch of attempts in one statement.</summary>
    public async Task RecordAsync(IReadOnlyList<AttemptResult> results, CancellationToken cancellationToken)
    {
        if (results.Count == 0)
        {
            return;
        }

        // The attempt guard keeps a worker whose lease ran out from overwriting a newer attempt's outcome.
        await using var record = dataSource.CreateCommand(
            """
            UPDATE deliveries d SET status = r.status,
                next_attempt_at = CASE WHEN r.status = 'pending' THEN now() + r.retry END,
                delivered_at = CASE WHEN r.status = 'delivered' THEN now() END,
                last_status_code = r.code, last_duration_ms = r.duration, last_error = r.error, last_response_body = r.body
            FROM unnest(@ids, @attempts, @statuses, @retries, @codes, @durations, @errors, @bodies)
                AS r(id, attempt, status, retry, code, duration, error, body)
            WHERE d.id = r.id AND d.attempts = r.attempt
            """);
        record.Parameters.AddWithValue("ids", results.Select(r => r.Work.Id).ToArray());
        record.Parameters.AddWithValue("attempts", results.Select(r => r.Work.Attempt).ToArray());
        record.Parameters.AddWithValue("statuses", results.Select(r => r.Status).ToArray());
        record.Parameters.AddWithValue("retries", NpgsqlDbType.Array | NpgsqlDbType.Interval, results.Select(r => r.RetryAfter ?? TimeSpan.Zero).ToArray());
        record.Parameters.AddWithValue("codes", NpgsqlDbType.Array | NpgsqlDbType.Integer, results.Select(r => r.Outcome.StatusCode).ToArray());
        record.Parameters.AddWithValue("durations", results.Select(r => r.Outcome.DurationMs).ToArray());
        record.Parameters.AddWithValue("errors", NpgsqlDbType.Array | NpgsqlDbType.Text, results.Select(r => r.Outcome.Error).ToArray());
        record.Parameters.AddWithValue("bodies", NpgsqlDbType.Array | NpgsqlDbType.Text,
            results.Select(r => r.Outcome.ResponseBody?.Replace("\0", "", StringComparison.Ordinal)).ToArray());
        await record.ExecuteNonQueryAsync(cancellationToken);
    }
}
