using Npgsql;
using NpgsqlTypes;

namespace Platform.Licensing.Model;

/// <summary>
/// Stores the validations Validation reports in batches and folds them into each license's
/// <c>validation_count</c> and <c>last_validated_at</c>, in one statement per batch. Records for licenses
/// that do not exist (any more) are dropped.
/// </summary>
internal sealed class UsageRecorder(NpgsqlDataSource dataSource)
{
    public const int MaxBatch = 10_000;

    private const string Sql = """
        WITH input AS (
            SELECT * FROM unnest(@license_ids, @occurred_at, @results, @domains, @fingerprints, @counts)
                AS t(license_id, occurred_at, result, domain, fingerprint, count)),
        stored AS (
            INSERT INTO usage_records (license_id, occurred_at, result, domain, fingerprint, count)
            SELECT i.license_id, i.occurred_at, i.result, i.domain, i.fingerprint, i.count
            FROM input i JOIN licenses l ON l.id = i.license_id
            RETURNING license_id, occurred_at, count),
        totals AS (
            UPDATE licenses SET validation_count = validation_count + s.total,
                last_validated_at = GREATEST(last_validated_at, s.latest)
            FROM (SELECT license_id, sum(count) AS total, max(occurred_at) AS latest FROM stored GROUP BY license_id) s
            WHERE licenses.id = s.license_id)
        SELECT count(*)::int FROM stored
        """;

    /// <returns>How many records were stored.</returns>
    public async Task<int> RecordAsync(IReadOnlyList<UsageRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return 0;
        }

        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<string[]>("license_ids", [.. records.Select(r => r.LicenseId)]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("occurred_at", [.. records.Select(r => r.OccurredAt)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string[]>("results", [.. records.Select(r => r.Result)]));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("domains", [.. records.Select(r => r.Domain)]));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("fingerprints", [.. records.Select(r => r.Fingerprint)]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("counts", [.. records.Select(r => r.Count)]));
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
