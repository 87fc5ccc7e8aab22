using Npgsql;
using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Resources;

namespace Platform.Testing;

/// <summary>One private Postgres for the whole test run, started by the AppHost's orchestration; each test gets its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    // Not CreateTempSubdirectory: its 0700 folder would be closed to the postgres user.
    private readonly string dataDir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "platform-licensing-tests-" + Guid.NewGuid().ToString("N")[..12])).FullName;
    private DistributedApplication app = null!;
    private PostgresServerResource server = null!;

    public async Task InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(
            [$"--AppHost:DataDir={dataDir}", "--AppHost:PostgresPort=0", "--AppHost:DashboardPort=0", "--AppHost:EchoOutput=false"]);
        server = builder.AddPostgres("postgres").Resource;
        app = builder.Build();
        await app.StartAsync();
        await app.WaitForAllHealthyAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
    }

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(server.ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return server.ConnectionStringFor(name);
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        Directory.Delete(dataDir, recursive: true);
    }
}
