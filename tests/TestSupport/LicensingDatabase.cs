using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Data;

namespace Platform.Testing;

/// <summary>A migrated Licensing database of the test's own, for tests of services that talk to Licensing.</summary>
public static class LicensingDatabase
{
    public static async Task<NpgsqlDataSource> CreateAsync(PostgresFixture postgres)
    {
        var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        await new MigrationRunner(dataSource, LicensingMigrations.All, LicensingMigrations.LockKey, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        return dataSource;
    }

    /// <summary>A new tenant (with its admin keys), as the bootstrap command creates one; its id.</summary>
    public static async Task<string> CreateTenantAsync(NpgsqlDataSource dataSource, string name = "Acme")
    {
        await using var db = new LicensingDbContext(new DbContextOptionsBuilder<LicensingDbContext>().UseNpgsql(dataSource).Options);
        return (await new TenantProvisioning(db).CreateAsync(name, RateLimitPlan.Starter, null, CancellationToken.None)).TenantId;
    }
}
