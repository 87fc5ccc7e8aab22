using Npgsql;
using Platform.AppHost.Servers.Postgres;

namespace Platform.Testing;

/// <summary>One private Postgres for the whole test run, the AppHost's own resource; each test gets its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string dataDir = AppHostServers.NewDataDir("postgres-tests");
    private DistributedApplication app = null!;
    private string serverConnectionString = "";

    public async Task InitializeAsync()
    {
        var builder = AppHostServers.CreateBuilder();
        var server = builder.AddPostgresServer("postgres", dataDir, port: 0);
        app = await AppHostServers.StartAsync(builder, "postgres", TimeSpan.FromMinutes(1));
        serverConnectionString = (await server.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None))!;
    }

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(dataDir, recursive: true);
    }
}
