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
    public async Task UsageReportsAreStoredWithoutCompression()
    {
        await using var database = await Database.CreateAsync(postgres);

        var storage = await database.ScalarAsync<string>(
            "SELECT string_agg(DISTINCT attstorage::text, '') FROM pg_attribute WHERE attrelid = 'usage_batches'::regclass AND attnum > 0 AND atttypid IN ('text[]'::regtype, 'timestamptz[]'::regtype, 'int[]'::regtype)");

        Assert.Equal("e", storage); // external: out of line, never compressed
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
