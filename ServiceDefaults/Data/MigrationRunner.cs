using Npgsql;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// Applies the migrations the database lacks, each in its own transaction, under a session-level
/// Postgres advisory lock: replicas starting together apply each migration exactly once, the later
/// ones wait and then find nothing to do. A database newer than the code is refused.
/// </summary>
/// <param name="lockKey">Any constant shared by every replica of the service, distinct per database.</param>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, IReadOnlyList<Migration> migrations, long lockKey, ILogger<MigrationRunner> logger)
{
    /// <returns>The versions this call applied.</returns>
    public async Task<IReadOnlyList<int>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({lockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken);
            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            var known = migrations.Select(m => m.Version).ToHashSet();
            if (applied.FirstOrDefault(v => !known.Contains(v)) is var unknown and > 0)
            {
                throw new InvalidOperationException($"The database has migration {unknown}, which this build does not know: it is newer than the code.");
            }

            var done = new List<int>();
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", connection, transaction);
                record.Parameters.AddWithValue("version", migration.Version);
                record.Parameters.AddWithValue("name", migration.Name);
                await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
                done.Add(migration.Version);
            }

            // Statistics for what the migrations made. Postgres assumes a table it never analyzed holds ten pages, and
            // autovacuum analyzes one only once 50 of its rows changed: until then, on a new install, the plans of
            // prepared queries over its empty tables were built for tables that size (EXPLAIN of Licensing's snapshot
            // read: plans joined by hashing, machines and seat leases read with bitmap scans; once analyzed, plain
            // index and sequential scans).
            if (done.Count > 0)
            {
                await ExecuteAsync(connection, null, "ANALYZE", cancellationToken);
            }

            return done;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({lockKey})", CancellationToken.None);
        }
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
