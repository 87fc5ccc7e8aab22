using System.Globalization;
using Npgsql;
using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// A private PostgreSQL server run from the Debian binaries, with its data under the AppHost's data
/// folder; or, when <c>ConnectionStrings:{name}</c> is configured, an existing server used as it is.
/// </summary>
public sealed class PostgresServerResource(string name, string? externalConnectionString) : ProcessResource(name)
{
    private const string SystemUser = "postgres";
    private int port;

    public override string Kind => "Postgres";
    public bool IsExternal => externalConnectionString is not null;
    public override IReadOnlyList<string> Urls => IsExternal || port == 0 ? [] : [$"tcp://127.0.0.1:{port}"];

    /// <summary>A connection string to the server, for <paramref name="database"/>.</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(externalConnectionString ?? $"Host=127.0.0.1;Port={port};Username=postgres")
        {
            Database = database,
        }.ConnectionString;

    // SIGINT is Postgres' fast shutdown: open sessions are ended instead of waited for.
    private protected override int StopSignal => Posix.SIGINT;

    internal override async Task StartAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        if (IsExternal)
        {
            return;
        }

        port = PortAllocator.Resolve(context.Options.PostgresPort);
        var root = Path.Combine(context.Options.DataDir, "postgres");
        var data = Path.Combine(root, "data");
        var bin = PostgresBinaries.Find();
        Directory.CreateDirectory(root);
        await SystemUsers.GiveAsync(root, SystemUser);

        if (!Directory.Exists(data))
        {
            // initdb into a side folder and move it in place only when complete, so an interrupted
            // first start cannot leave a half-made cluster that every later start would trip over.
            var staging = data + ".init";
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            context.Log(Name, $"initdb into {data}");
            await Tools.RunAsync(context, Name, new ChildProcessSpec(
                Path.Combine(bin, "initdb"),
                ["-D", staging, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C"],
                root, new Dictionary<string, string>(), SystemUser), cancellationToken);
            Directory.Move(staging, data);
        }

        RemoveStaleLockFile(data);
        Launch(context, new ChildProcessSpec(
            Path.Combine(bin, "postgres"),
            ["-D", data, "-p", port.ToString(CultureInfo.InvariantCulture), "-c", "listen_addresses=127.0.0.1",
             "-c", "unix_socket_directories=", "-c", "max_connections=300"],
            root, new Dictionary<string, string>(), SystemUser));
    }

    /// <summary>
    /// A postmaster.pid naming a process that is gone (or a zombie nobody reaped, as in containers
    /// without an init) would make Postgres refuse to start; a live one is left for Postgres to refuse.
    /// </summary>
    private static void RemoveStaleLockFile(string data)
    {
        var lockFile = Path.Combine(data, "postmaster.pid");
        if (File.Exists(lockFile)
            && int.TryParse(File.ReadLines(lockFile).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid)
            && !IsPostmaster(pid))
        {
            File.Delete(lockFile);
        }
    }

    /// <summary>After a reboot the old pid may belong to anything; only a live postgres counts.</summary>
    private static bool IsPostmaster(int pid)
    {
        try
        {
            return ProcFs.IsAlive(pid) && File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres";
        }
        catch (IOException)
        {
            return false;
        }
    }

    internal override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        await PostgresProbe.CanQueryAsync(ConnectionStringFor("postgres"), cancellationToken);
}
