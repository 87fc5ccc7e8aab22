using Platform.Licensing.Infrastructure;

namespace Platform.Licensing.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ReplicasStartingTogetherApplyEachMigrationOnce()
    {
        await using var database = await Database.CreateAsync(postgres, migrate: false);

        var applied = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => database.Migrations().ApplyAsync())));

        Assert.Equal(LicensingMigrations.All.Select(m => m.Version), applied.SelectMany(a => a).Order());
        Assert.Equal(LicensingMigrations.All.Count, await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'tenants'"));
    }

    [Fact]
    public async Task AnUpToDateDatabaseIsLeftAlone()
    {
        await using var database = await Database.CreateAsync(postgres);

        Assert.Empty(await database.Migrations().ApplyAsync());
    }

    [Fact]
    public async Task ADatabaseNewerThanTheCodeIsRefused()
    {
        await using var database = await Database.CreateAsync(postgres);
        await database.ScalarAsync<int>("INSERT INTO schema_migrations (version, name) VALUES (9999, 'from_the_future')");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.Migrations().ApplyAsync());

        Assert.Contains("9999", error.Message, StringComparison.Ordinal);
    }
}
