using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.Protos.Licensing.V1;

namespace Platform.Licensing.Grpc;

/// <summary>What Validation caches of a license: everything it needs to answer without asking again, and the version that orders changes.</summary>
internal static class LicenseSnapshots
{
    /// <summary>
    /// The snapshot of <paramref name="license"/> (just changed) as seen through <paramref name="askedKey"/>: its current
    /// key, or its previous one in grace.
    /// </summary>
    public static async Task<LicenseSnapshot> ReadAsync(LicensingDbContext db, License license, string? askedKey, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var rows = await QueryAsync((NpgsqlConnection)db.Database.GetDbConnection(),
                (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(), ById, license.Id, cancellationToken);
            return Of(rows.SingleOrDefault() ?? throw new InvalidOperationException($"License {license.Id} is gone."), askedKey);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The snapshots of every license that has one of <paramref name="keys"/> (or had it before a rotation), one per key
    /// asked for; keys no license has are left out. Validation renews its hot snapshots and reads its concurrent misses
    /// with it, and Licensing its concurrent <c>GetLicenseByKey</c> calls (<see cref="SnapshotReads"/>).
    /// </summary>
    public static async Task<List<LicenseSnapshot>> FindByKeysAsync(NpgsqlConnection connection, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var snapshots = new List<LicenseSnapshot>(keys.Count);
        if (keys.Count == 0)
        {
            return snapshots;
        }

        foreach (var row in await QueryKeysAsync(connection, ByKey, ByKeys, keys, cancellationToken))
        {
            snapshots.Add(Of(row, row.Key));
        }

        if (snapshots.Count < keys.Count)
        {
            var rest = keys.Except(snapshots.Select(s => s.Key), StringComparer.Ordinal).ToArray();
            foreach (var row in await QueryKeysAsync(connection, ByPreviousKey, ByPreviousKeys, rest, cancellationToken))
            {
                snapshots.Add(Of(row, row.PreviousKey));
            }
        }

        return snapshots;
    }

    // One key is compared with =, not = ANY of a one-key array: Postgres estimates ten rows for an array it cannot see,
    // and for that plan it planned every call anew.
    private static Task<List<SnapshotRow>> QueryKeysAsync(
        NpgsqlConnection connection, string oneKey, string manyKeys, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        keys.Count == 1
            ? QueryAsync(connection, null, oneKey, keys.First(), cancellationToken)
            : QueryAsync(connection, null, manyKeys, keys.ToArray(), cancellationToken);

    // Keys are looked up by the current key first and by the previous key only for those no license has: an index lookup
    // on one column cost Postgres about a fifth less than the OR of both (a BitmapOr over two indexes; pgbench on the
    // snapshot query, 7,055 against 8,809 tps).
    //
    // Every miss of Validation's cache runs this, so it is written for Postgres's executor: one row per license, its
    // machines' fingerprints as an array and its seats in use as a count, instead of the join of machines that EF Core
    // writes for a collection (a subquery with LIMIT, a join and a sort, each node carrying the whole row). Binding that
    // query, which starts its executor, took Postgres 21 µs against 11 µs for this one (median bind time in Postgres's
    // statement log under pgbench, 8 clients, prepared).
    private const string Select = """
        SELECT l.id, l.tenant_id, l.environment, l.key, l.status, l.type, l.product_id, l.plan_id, l.version, l.domains_fixed,
               l.domains, l.features, l.metadata, l.expires_at, l.created_at, l.previous_key, l.previous_key_valid_until,
               l.max_activations, l.max_domains, l.max_seats,
               p.id, p.tenant_id, p.environment, p.product_id, p.name, p.license_type, p.duration_days, p.max_activations,
               p.max_domains, p.max_seats, p.features, p.requires_activation, p.seat_lease_seconds, p.offline_grace_days,
               p.expiry_behavior, p.metadata, p.created_at,
               ARRAY(SELECT m.fingerprint FROM machines m WHERE m.license_id = l.id ORDER BY m.activated_at, m.id),
               (SELECT count(*)::int FROM seat_leases s WHERE s.license_id = l.id AND s.expires_at > $2)
        FROM licenses l
        LEFT JOIN plans p ON p.id = l.plan_id
        """;

    private const string ById = Select + "\nWHERE l.id = $1";
    private const string ByKey = Select + "\nWHERE l.key = $1";
    private const string ByPreviousKey = Select + "\nWHERE l.previous_key = $1";
    private const string ByKeys = Select + "\nWHERE l.key = ANY($1)";
    private const string ByPreviousKeys = Select + "\nWHERE l.previous_key = ANY($1)";

    /// <summary>
    /// Runs one of the queries above on <paramref name="connection"/> (open), inside <paramref name="transaction"/> if
    /// one is given (a command reads back what it has just written).
    /// </summary>
    /// <param name="value">A key or id (a string), or several (a string array).</param>
    private static async Task<List<SnapshotRow>> QueryAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object value, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = DateTimeOffset.UtcNow });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<SnapshotRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private static SnapshotRow Read(NpgsqlDataReader row) => new(
        Id: row.GetString(0),
        TenantId: row.GetString(1),
        Environment: row.GetString(2),
        Key: row.GetString(3),
        Status: row.GetString(4),
        Type: row.GetString(5),
        ProductId: row.GetString(6),
        PlanId: TextOrNull(row, 7),
        Version: row.GetInt64(8),
        DomainsFixed: row.GetBoolean(9),
        Domains: row.GetFieldValue<string[]>(10),
        Features: row.GetFieldValue<string[]>(11),
        Metadata: row.GetString(12),
        ExpiresAt: ValueOrNull<DateTimeOffset>(row, 13),
        CreatedAt: row.GetFieldValue<DateTimeOffset>(14),
        PreviousKey: TextOrNull(row, 15),
        PreviousKeyValidUntil: ValueOrNull<DateTimeOffset>(row, 16),
        MaxActivations: ValueOrNull<int>(row, 17),
        MaxDomains: ValueOrNull<int>(row, 18),
        MaxSeats: ValueOrNull<int>(row, 19),
        Plan: row.IsDBNull(20) ? null : ReadPlan(row, 20),
        Fingerprints: row.GetFieldValue<string[]>(37),
        SeatsInUse: row.GetInt32(38));

    private static Plan ReadPlan(NpgsqlDataReader row, int at) => new()
    {
        Id = row.GetString(at),
        TenantId = row.GetString(at + 1),
        Environment = LicensingDbContext.ParseEnum<ApiEnvironment>(row.GetString(at + 2)),
        ProductId = row.GetString(at + 3),
        Name = row.GetString(at + 4),
        LicenseType = LicensingDbContext.ParseEnum<LicenseType>(row.GetString(at + 5)),
        DurationDays = ValueOrNull<int>(row, at + 6),
        MaxActivations = ValueOrNull<int>(row, at + 7),
        MaxDomains = ValueOrNull<int>(row, at + 8),
        MaxSeats = ValueOrNull<int>(row, at + 9),
        Features = [.. row.GetFieldValue<string[]>(at + 10)],
        RequiresActivation = row.GetBoolean(at + 11),
        SeatLeaseSeconds = row.GetInt32(at + 12),
        OfflineGraceDays = row.GetInt32(at + 13),
        ExpiryBehavior = LicensingDbContext.ParseEnum<ExpiryBehavior>(row.GetString(at + 14)),
        Metadata = row.GetString(at + 15),
        CreatedAt = row.GetFieldValue<DateTimeOffset>(at + 16),
    };

    private static string? TextOrNull(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static T? ValueOrNull<T>(NpgsqlDataReader row, int ordinal) where T : struct => row.IsDBNull(ordinal) ? null : row.GetFieldValue<T>(ordinal);

    /// <summary>A license as the snapshot needs it (status, type and environment as the column holds them: the snapshot's own spelling).</summary>
    private sealed record SnapshotRow(
        string Id, string TenantId, string Environment, string Key, string Status, string Type, string ProductId, string? PlanId,
        long Version, bool DomainsFixed, string[] Domains, string[] Features, string Metadata, DateTimeOffset? ExpiresAt,
        DateTimeOffset CreatedAt, string? PreviousKey, DateTimeOffset? PreviousKeyValidUntil, int? MaxActivations,
        int? MaxDomains, int? MaxSeats, Plan? Plan, string[] Fingerprints, int SeatsInUse);

    private static LicenseSnapshot Of(SnapshotRow license, string? askedKey)
    {
        var terms = LicenseTerms.Of(license.MaxActivations, license.MaxDomains, license.MaxSeats, license.Features, license.Plan);
        var snapshot = new LicenseSnapshot
        {
            Id = license.Id,
            TenantId = license.TenantId,
            Environment = license.Environment,
            Key = license.Key,
            Status = license.Status,
            Type = license.Type,
            ProductId = license.ProductId,
            PlanId = license.PlanId ?? "",
            PlanName = terms.PlanName ?? "",
            Version = license.Version,
            ExpiryBehavior = LicensingDbContext.SnakeCase(terms.ExpiryBehavior.ToString()),
            RequiresActivation = terms.RequiresActivation,
            DomainsFixed = license.DomainsFixed,
            Activations = license.Fingerprints.Length,
            SeatsInUse = license.SeatsInUse,
            SeatLeaseSeconds = terms.SeatLeaseSeconds,
            OfflineGraceSeconds = terms.OfflineGraceDays * 86_400,
            CreatedAt = Timestamp.FromDateTimeOffset(license.CreatedAt),
            CurrentKey = license.Key,
            MaxActivations = terms.MaxActivations,
        };
        snapshot.Features.Add(terms.Features);
        snapshot.Domains.Add(license.Domains);
        snapshot.MachineFingerprints.Add(license.Fingerprints);
        foreach (var property in System.Text.Json.JsonDocument.Parse(license.Metadata).RootElement.EnumerateObject())
        {
            snapshot.Metadata[property.Name] = property.Value.ValueKind == System.Text.Json.JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        if (askedKey is not null && askedKey == license.PreviousKey && license.PreviousKeyValidUntil is { } validUntil)
        {
            snapshot.Key = askedKey;
            snapshot.KeyValidUntil = Timestamp.FromDateTimeOffset(validUntil);
        }

        if (license.ExpiresAt is { } expiresAt)
        {
            snapshot.ExpiresAt = Timestamp.FromDateTimeOffset(expiresAt);
        }

        if (terms.MaxDomains is { } maxDomains)
        {
            snapshot.MaxDomains = maxDomains;
        }

        if (terms.MaxSeats is { } maxSeats)
        {
            snapshot.MaxSeats = maxSeats;
        }

        return snapshot;
    }
}
