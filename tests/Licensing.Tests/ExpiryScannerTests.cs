using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.IntegrationEvents;
using Platform.Licensing.Extensions;
using Platform.Licensing.Model;

namespace Platform.Licensing.Tests;

/// <summary>Expiry notices and expiry itself: each event exactly once, with replicas scanning together and across restarts.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExpiryScannerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task EachNoticeGoesOutOnceAsTimePassesAndTheLicenseExpiresOnce()
    {
        await using var database = await Database.CreateAsync(postgres);
        var start = DateTimeOffset.UtcNow;
        var license = await TestData.SeedLicenseAsync(database, l => l.ExpiresAt = start.AddDays(40));
        var scanner = Scanner(database);

        // A new scanner each time is a restart: nothing it needs is kept in memory.
        foreach (var daysLater in new[] { 0, 11, 11, 34, 35, 39.5, 39.6, 41, 41 })
        {
            await Scanner(database).ScanBatchAsync(start.AddDays(daysLater), CancellationToken.None);
        }

        await scanner.ScanBatchAsync(start.AddDays(50), CancellationToken.None);
        Assert.Equal(["license.expiring:30", "license.expiring:7", "license.expiring:1", "license.expired:"], await EventsAsync(database, license.Id));
        Assert.Equal("expired", await database.ScalarAsync<string>($"SELECT status FROM licenses WHERE id = '{license.Id}'"));
    }

    [Fact]
    public async Task ALicenseCreatedCloseToItsExpiryGetsOnlyTheNearestNotice()
    {
        await using var database = await Database.CreateAsync(postgres);
        var now = DateTimeOffset.UtcNow;
        var license = await TestData.SeedLicenseAsync(database, l => l.ExpiresAt = now.AddDays(5));

        await Scanner(database).ScanBatchAsync(now, CancellationToken.None);
        await Scanner(database).ScanBatchAsync(now.AddDays(4.5), CancellationToken.None);

        Assert.Equal(["license.expiring:7", "license.expiring:1"], await EventsAsync(database, license.Id));
        // The notice carries the license as every license event does, its fields in data beside daysBefore.
        Assert.Equal([license.Key, license.Key], await database.ListAsync<string>(
            $"SELECT payload -> 'data' ->> 'key' FROM outbox WHERE aggregate_id = '{license.Id}' AND type = 'license.expiring'"));
    }

    [Fact]
    public async Task TwoReplicasScanningTogetherEmitEveryEventOnce()
    {
        await using var database = await Database.CreateAsync(postgres);
        var now = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add((await TestData.SeedLicenseAsync(database, l => l.ExpiresAt = now.AddDays(i % 2 == 0 ? -1 : 3))).Id);
        }

        var replicas = Enumerable.Range(0, 4).Select(_ => Scanner(database)).ToList();
        await Task.WhenAll(replicas.Select(r => Task.Run(async () =>
        {
            for (var pass = 0; pass < 3; pass++)
            {
                await r.ScanBatchAsync(now, CancellationToken.None);
            }
        })));

        Assert.Equal(15, await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE type = 'license.expired'"));
        Assert.Equal(15, await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE type = 'license.expiring'"));
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM (SELECT aggregate_id, type FROM outbox GROUP BY 1, 2 HAVING count(*) > 1) d"));
    }

    [Fact]
    public async Task ThePlansExpiryBehaviourDecidesWhatExpiryDoes()
    {
        await using var database = await Database.CreateAsync(postgres);
        var now = DateTimeOffset.UtcNow;
        var revoking = await TestData.SeedLicenseAsync(database, l => l.ExpiresAt = now.AddMinutes(-1));
        await using (var db = database.CreateContext())
        {
            var plan = new Plan { Id = Ids.New("plan"), TenantId = revoking.TenantId, Environment = revoking.Environment, ProductId = revoking.ProductId, Name = "Strict", ExpiryBehavior = ExpiryBehavior.Revoke };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            await db.Licenses.Where(l => l.Id == revoking.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.PlanId, plan.Id));
        }

        await Scanner(database).ScanBatchAsync(now, CancellationToken.None);

        Assert.Equal("revoked", await database.ScalarAsync<string>($"SELECT status FROM licenses WHERE id = '{revoking.Id}'"));
        Assert.Equal(["license.expired:"], await EventsAsync(database, revoking.Id));
    }

    private static ExpiryScanner Scanner(Database database)
    {
        var services = new ServiceCollection()
            .AddDbContext<LicensingDbContext>(o => o.UseNpgsql(database.DataSource))
            .AddSingleton(database.DataSource)
            .AddLicensingModel()
            .BuildServiceProvider();
        return new ExpiryScanner(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<ExpiryScanner>.Instance);
    }

    private static Task<List<string>> EventsAsync(Database database, string licenseId) => database.ListAsync<string>(
        $"SELECT type || ':' || coalesce(payload -> 'data' ->> 'daysBefore', '') FROM outbox WHERE aggregate_id = '{licenseId}' ORDER BY version");
}
