using Npgsql;
using NpgsqlTypes;

namespace Platform.Licensing.Model;

/// <summary>
/// Validation's usage reports: each stored as it arrives in <c>usage_batches</c> (one insert, durable before
/// the report is acknowledged), then folded, many reports at a time, into <c>usage_records</c> (one row per
/// license, result, domain and machine per fold) and each license's <c>validation_count</c> and
/// <c>last_validated_at</c>, and its refusals into the pending counts of <c>validation.failed</c>
/// (<see cref="IntegrationEvents.ValidationFailureNotices"/>). A fold claims its reports, writes the rows and deletes the
/// reports in one statement, so every report is counted exactly once whatever the number of replicas. Records of
/// licenses that do not exist are dropped when folded.
/// </summary>
internal sealed class UsageRecorder(NpgsqlDataSource dataSource)
{
    public const int MaxBatch = Platform.Contracts.Usage.UsageReportLimits.MaxRecords;

    /// <summary>How many reports one fold statement takes.</summary>
    private const int ReportsPerFold = 200;

    // A report with an id is stored only the first time its id arrives, in the same statement that notes the id.
    private const string InsertSql = """
        WITH first AS (
            INSERT INTO usage_reports_received (report_id) SELECT @report_id WHERE @report_id <> ''
            ON CONFLICT DO NOTHING RETURNING report_id)
        INSERT INTO usage_batches (license_ids, occurred_at, results, domains, fingerprints, counts)
        SELECT @license_ids, @occurred_at, @results, @domains, @fingerprints, @counts
        WHERE @report_id = '' OR EXISTS (SELECT 1 FROM first)
        """;

    // {wait}: "SKIP LOCKED" for the background fold (replicas fold different reports), "" for a read that
    // must see every report received before it (it waits for a fold in progress to finish).
    private const string FoldSql = """
        WITH claimed AS (
            DELETE FROM usage_batches WHERE id IN (
                SELECT id FROM usage_batches ORDER BY id LIMIT @limit FOR UPDATE {wait})
            RETURNING license_ids, occurred_at, results, domains, fingerprints, counts),
        input AS (
            SELECT u.license_id, u.result, nullif(u.domain, '') AS domain, nullif(u.fingerprint, '') AS fingerprint,
                   max(u.occurred_at) AS occurred_at, least(sum(u.count), 2147483647)::int AS count
            FROM claimed c, unnest(c.license_ids, c.occurred_at, c.results, c.domains, c.fingerprints, c.counts)
                AS u(license_id, occurred_at, result, domain, fingerprint, count)
            GROUP BY 1, 2, 3, 4),
        counted AS (
            UPDATE licenses SET validation_count = validation_count + s.total,
                last_validated_at = GREATEST(last_validated_at, s.latest)
            FROM (SELECT license_id, sum(count) AS total, max(occurred_at) AS latest FROM input GROUP BY license_id) s
            WHERE licenses.id = s.license_id
            RETURNING licenses.id),
        failures AS (
            INSERT INTO validation_failure_notices AS n (license_id, code, pending, first_failed_at, last_failed_at)
            SELECT license_id, result, least(sum(count), 2147483647)::int, min(occurred_at), max(occurred_at)
            FROM input WHERE result <> 'valid' AND license_id IN (SELECT id FROM counted)
            GROUP BY 1, 2 ORDER BY 1, 2
            ON CONFLICT (license_id, code) DO UPDATE SET
                pending = least(n.pending::bigint + excluded.pending, 2147483647)::int,
                first_failed_at = CASE WHEN n.pending = 0 THEN excluded.first_failed_at ELSE least(n.first_failed_at, excluded.first_failed_at) END,
                last_failed_at = greatest(n.last_failed_at, excluded.last_failed_at)),
        stored AS (
            INSERT INTO usage_records (license_id, occurred_at, result, domain, fingerprint, count)
            SELECT i.license_id, i.occurred_at, i.result, i.domain, i.fingerprint, i.count
            FROM input i WHERE i.license_id IN (SELECT id FROM counted))
        SELECT count(*)::int FROM claimed
        """;

    private static readonly string FoldSkippingLocked = FoldSql.Replace("{wait}", "SKIP LOCKED", StringComparison.Ordinal);
    private static readonly string FoldWaiting = FoldSql.Replace("{wait}", "", StringComparison.Ordinal);

    /// <summary>
    /// Stores one report; the records count once it is folded. A report whose <paramref name="reportId"/> was stored
    /// before is not stored again (it is answered as accepted: the sender's earlier call was).
    /// </summary>
    /// <returns>How many records were accepted.</returns>
    public async Task<int> RecordAsync(IReadOnlyList<UsageRecord> records, string reportId, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return 0;
        }

        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter<string>("report_id", reportId));
        command.Parameters.Add(new NpgsqlParameter<string[]>("license_ids", [.. records.Select(r => r.LicenseId)]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("occurred_at", [.. records.Select(r => r.OccurredAt)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string[]>("results", [.. records.Select(r => r.Result)]));
        // Empty rather than null inside the arrays: the fold turns '' back into null.
        command.Parameters.Add(new NpgsqlParameter<string[]>("domains", [.. records.Select(r => r.Domain ?? "")]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("fingerprints", [.. records.Select(r => r.Fingerprint ?? "")]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("counts", [.. records.Select(r => r.Count)]));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return records.Count;
    }

    /// <summary>
    /// Folds every stored report into the usage rows and counters. With <paramref name="waitForOthers"/>, a report
    /// another fold holds is waited for, so that what was received before this call is counted when it returns.
    /// </summary>
    /// <returns>How many reports were folded.</returns>
    public async Task<int> FoldAsync(bool waitForOthers, CancellationToken cancellationToken)
    {
        var folded = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(waitForOthers ? FoldWaiting : FoldSkippingLocked);
            command.Parameters.Add(new NpgsqlParameter<int>("limit", ReportsPerFold));
            var claimed = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
            folded += claimed;
            if (claimed < ReportsPerFold)
            {
                return folded;
            }
        }
    }
}
