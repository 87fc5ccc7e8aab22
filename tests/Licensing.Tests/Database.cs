using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Licensing.Infrastructure;
using Platform.ServiceDefaults.Data;

namespace Platform.Licensing.Tests;

/// <summary>A migrated database of the test's own, with what the service's classes need to use it.</summary>
internal sealed class Database : IAsyncDisposable
{
    private Database(string connectionString, NpgsqlDataSource dataSource)
    {
        ConnectionString = connectionString;
        DataSource = dataSource;
    }

    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }

    public static async Task<Database> CreateAsync(PostgresFixture postgres, bool migrate = true)
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var database = new Database(connectionString, NpgsqlDataSource.Create(connectionString));
        if (migrate)
        {
            await database.Migrations().ApplyAsync();
        }

        return database;
    }

    public MigrationRunner Migrations() => new(DataSource, LicensingMigrations.All, LicensingMigrations.LockKey, NullLogger<MigrationRunner>.Instance);

    public LicensingDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<LicensingDbContext>().UseNpgsql(DataSource).Options);

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
    }

    public async Task<List<T>> ListAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
