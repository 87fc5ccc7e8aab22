using System.Globalization;
using Npgsql;

namespace Platform.AppHost.Servers.Postgres;

/// <summary>What happens to the server's data folder around a start: initdb the first time, a stale lock removed, databases created.</summary>
internal static class PostgresCluster
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The newest server binaries installed by Debian's postgresql packages.</summary>
    public static string FindBinaries()
    {
        var bin = Directory.Exists(DebianRoot)
            ? Directory.EnumerateDirectories(DebianRoot)
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(dir => File.Exists(Path.Combine(dir, "postgres")))
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(Path.GetDirectoryName(dir)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            $"No PostgreSQL server under {DebianRoot}. Install it (scripts/install-prerequisites.sh) or pass ConnectionStrings__licensingdb, __webhooksdb and __billingdb of an existing server.");
    }

    /// <summary>
    /// initdb into a side folder, moved in place only when complete, so an interrupted first start cannot leave a
    /// half-made cluster that every later start would trip over.
    /// </summary>
    public static async Task PrepareAsync(string root, string data, string bin, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        await SystemUser.GiveAsync(root, PostgresServerResource.SystemUserName, cancellationToken);
        if (!Directory.Exists(data))
        {
            var staging = data + ".init";
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            logger.LogInformation("initdb into {Data}", data);
            var (command, args) = SystemUser.Command(PostgresServerResource.SystemUserName, Path.Combine(bin, "initdb"),
                "-D", staging, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C");
            var (code, output) = await SystemUser.RunAsync(command, args, cancellationToken);
            if (code != 0)
            {
                throw new InvalidOperationException($"initdb exited with {code}: {output}");
            }

            Directory.Move(staging, data);
        }

        RemoveStaleLockFile(data);
    }

    public static async Task CreateDatabasesAsync(string serverConnectionString, IEnumerable<string> databases, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var database in databases)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                logger.LogInformation("creating database {Database}", database);
                // A database name cannot be a parameter; the name is ours (from Program.cs) and quoted.
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    public static async Task<bool> CanQueryAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 3 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// A postmaster.pid naming a process that is gone (after a SIGKILL or a reboot) would make Postgres refuse to
    /// start; a live postgres is left for Postgres to refuse.
    /// </summary>
    private static void RemoveStaleLockFile(string data)
    {
        var lockFile = Path.Combine(data, "postmaster.pid");
        if (File.Exists(lockFile)
            && int.TryParse(File.ReadLines(lockFile).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid)
            && !IsPostgres(pid))
        {
            File.Delete(lockFile);
        }
    }

    private static bool IsPostgres(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres" && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
