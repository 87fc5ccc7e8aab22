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
                CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END
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
                reader.GetInt32(5), reader.GetInt32(6), reader.GetString(7), secrets));
        }

        return work;
    }

    /// <summary>Records an attempt: delivered, scheduled again after <paramref name="retryAfter"/>, or failed for good when that is null.</summary>
    public async Task RecordAsync(DeliveryWork work, AttemptOutcome outcome, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var status = outcome.Succeeded ? "delivered" : retryAfter is null ? "failed" : "pending";
        // The attempt guard keeps a worker whose lease ran out from overwriting a newer attempt's outcome.
        await using var record = dataSource.CreateCommand(
            """
            UPDATE deliveries SET status = @status,
                next_attempt_at = CASE WHEN @status = 'pending' THEN now() + @retry END,
                delivered_at = CASE WHEN @status = 'delivered' THEN now() END,
                last_status_code = @code, last_duration_ms = @duration, last_error = @error, last_response_body = @body
            WHERE id = @id AND attempts = @attempt
            """);
        record.Parameters.AddWithValue("id", work.Id);
        record.Parameters.AddWithValue("attempt", work.Attempt);
        record.Parameters.AddWithValue("status", status);
        record.Parameters.AddWithValue("retry", NpgsqlDbType.Interval, retryAfter ?? TimeSpan.Zero);
        record.Parameters.AddWithValue("code", NpgsqlDbType.Integer, (object?)outcome.StatusCode ?? DBNull.Value);
        record.Parameters.AddWithValue("duration", outcome.DurationMs);
        record.Parameters.AddWithValue("error", NpgsqlDbType.Text, (object?)outcome.Error ?? DBNull.Value);
        record.Parameters.AddWithValue("body", NpgsqlDbType.Text, (object?)outcome.ResponseBody?.Replace("\0", "", StringComparison.Ordinal) ?? DBNull.Value);
        await record.ExecuteNonQueryAsync(cancellationToken);
    }
}
