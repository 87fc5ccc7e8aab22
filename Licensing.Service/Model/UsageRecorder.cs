using System.IO.Hashing;
using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Licensing.Model;

/// <summary>
/// Validation's usage reports: each stored as it arrives in <c>usage_batches</c> (one insert, durable before
/// the report is acknowledged; one row per <see cref="Partitions">partition</see> of its licenses), then folded, many reports at a time, into <c>usage_records</c> (one row per
/// license, result, domain and machine per fold) and each license's <c>validation_count</c> and
/// <c>last_validated_at</c>, and its refusals into the pending counts of <c>validation.failed</c>
/// (<see cref="IntegrationEvents.ValidationFailureNotices"/>). A fold claims its reports, writes the rows and deletes the
/// reports in one statement, so every report is counted exactly once whatever the number of replicas. Records of
/// licenses that do not exist are dropped when folded.
/// </summary>
internal sealed class UsageRecorder(NpgsqlDataSource dataSource)
{
    public const int MaxBatch = Platform.Contracts.Usage.UsageReportLimits.MaxRecords;

    /// <summary>
    /// How many partitions a report's records are stored in, by license (<see cref="PartitionOf"/>): the background
    /// fold takes one at a time, so its work is spread over its interval while each license's records still fold
    /// together, once an interval.
    /// </summary>
    public const int Partitions = 8;

    /// <summary>How many stored rows one fold statement takes.</summary>
    private const int RowsPerFold = 200;

    private static readonly short[] AllPartitions = [.. Enumerable.Range(0, Partitions).Select(p => (short)p)];

    // A report with an id is stored only the first time its id arrives, in the same statement that notes the id. The
    // records arrive ordered by partition; each partition's run (lo..hi, 1-based) becomes one row.
    private const string InsertSql = """
        WITH first AS (
            INSERT INTO usage_reports_received (report_id) SELECT @report_id WHERE @report_id <> ''
            ON CONFLICT DO NOTHING RETURNING report_id)
        INSERT INTO usage_batches (part, license_ids, occurred_at, results, domains, fingerprints, counts)
        SELECT p.part, @license_ids[p.lo:p.hi], @occurred_at[p.lo:p.hi], @results[p.lo:p.hi], @domains[p.lo:p.hi],
               @fingerprints[p.lo:p.hi], @counts[p.lo:p.hi]
        FROM unnest(@parts, @los, @his) AS p(part, lo, hi)
        WHERE @report_id = '' OR EXISTS (SELECT 1 FROM first)
        """;

    // {wait}: "SKIP LOCKED" for the background fold (replicas fold different reports), "" for a read that
    // must see every report received before it (it waits for a fold in progress to finish).
    private const string FoldSql = """
        WITH claimed AS (
            DELETE FROM usage_batches WHERE id IN (
                SELECT id FROM usage_batches WHERE part = ANY(@parts) ORDER BY id LIMIT @limit FOR UPDATE {wait})
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

    /// <summary>The partition a license's usage records are stored in: a hash of its id, the same in every replica.</summary>
    public static int PartitionOf(string licenseId) =>
        (int)(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(licenseId.AsSpan())) % Partitions);

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

        var (ordered, runs) = ByPartition(records);
        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter<string>("report_id", reportId));
        command.Parameters.Add(new NpgsqlParameter<string[]>("license_ids", [.. ordered.Select(r => r.LicenseId)]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("occurred_at", [.. ordered.Select(r => r.OccurredAt)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string[]>("results", [.. ordered.Select(r => r.Result)]));
        // Empty rather than null inside the arrays: the fold turns '' back into null.
        command.Parameters.Add(new NpgsqlParameter<string[]>("domains", [.. ordered.Select(r => r.Domain ?? "")]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("fingerprints", [.. ordered.Select(r => r.Fingerprint ?? "")]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("counts", [.. ordered.Select(r => r.Count)]));
        command.Parameters.Add(new NpgsqlParameter<short[]>("parts", [.. runs.Select(r => r.Partition)]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("los", [.. runs.Select(r => r.Lo)]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("his", [.. runs.Select(r => r.Hi)]));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return records.Count;
    }

    /// <summary>The records ordered by partition (a counting sort), and each partition's run in that order, 1-based.</summary>
    private static (UsageRecord[] Ordered, List<(short Partition, int Lo, int Hi)> Runs) ByPartition(IReadOnlyList<UsageRecord> records)
    {
        var partitions = new int[records.Count];
        var next = new int[Partitions + 1];
        for (var i = 0; i < records.Count; i++)
        {
            partitions[i] = PartitionOf(records[i].LicenseId);
            next[partitions[i] + 1]++;
        }

        var runs = new List<(short, int, int)>(Partitions);
        for (var p = 0; p < Partitions; p++)
        {
            if (next[p + 1] > 0)
            {
                runs.Add(((short)p, next[p] + 1, next[p] + next[p + 1]));
            }

            next[p + 1] += next[p];
        }

        var ordered = new UsageRecord[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            ordered[next[partitions[i]]++] = records[i];
        }

        return (ordered, runs);
    }

    /// <summary>
    /// Folds every stored report. With <paramref name="waitForOthers"/>, a report another fold holds is waited for,
    /// so that what was received before this call is counted when it returns.
    /// </summary>
    /// <returns>How many stored rows were folded.</returns>
    public Task<int> FoldAsync(bool waitForOthers, CancellationToken cancellationToken) =>
        FoldAsync(AllPartitions, waitForOthers, cancellationToken);

    /// <summary>Folds the stored records of one partition's licenses, skipping rows another fold holds.</summary>
    /// <returns>How many stored rows were folded.</returns>
    public Task<int> FoldPartitionAsync(int partition, CancellationToken cancellationToken) =>
        FoldAsync([(short)partition], waitForOthers: false, cancellationToken);

    private async Task<int> FoldAsync(short[] partitions, bool waitForOthers, CancellationToken cancellationToken)
    {
        var folded = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(waitForOthers ? FoldWaiting : FoldSkippingLocked);
            command.Parameters.Add(new NpgsqlParameter<short[]>("parts", partitions));
            command.Parameters.Add(new NpgsqlParameter<int>("limit", RowsPerFold));
            var claimed = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
            folded += claimed;
            if (claimed < RowsPerFold)
            {
                return folded;
            }
        }
    }
}
