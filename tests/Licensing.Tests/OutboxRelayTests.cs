using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Licensing.IntegrationEvents;
using Platform.Licensing.Model;

namespace Platform.Licensing.Tests;

/// <summary>The outbox relay against a real RabbitMQ: what was committed is published, once, and a failed publish is retried.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxRelayTests(PostgresFixture postgres, BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    [Fact]
    public async Task CommittedEventsArePublishedInOrderAndMarked()
    {
        await using var database = await Database.CreateAsync(postgres);
        var ids = await RecordEventsAsync(database, 3);
        await using var bus = await EventCollector.StartAsync(broker.ConnectionString);

        var relayed = await Relay(database, bus.Services).RelayBatchAsync(CancellationToken.None);

        Assert.Equal(3, relayed);
        var received = await bus.WaitForAsync(ids.Count);
        Assert.Equal(ids, received.Select(r => r.EventId));
        Assert.Equal(["license.created", "license.suspended", "license.reinstated"], received.Select(r => r.Type));
        Assert.Equal([1L, 2L, 3L], received.Select(r => r.Version));
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE published_at IS NULL"));
        Assert.Equal(0, await Relay(database, bus.Services).RelayBatchAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WhileTheBrokerIsUnreachableNothingIsMarkedAndEverythingGoesOutOnceItIsBack()
    {
        await using var database = await Database.CreateAsync(postgres);
        var ids = await RecordEventsAsync(database, 3);
        await using (var down = await EventCollector.StartAsync("amqp://guest:guest@127.0.0.1:1/", start: false))
        {
            var relay = Relay(database, down.Services);
            Assert.Equal(0, await relay.RelayBatchAsync(CancellationToken.None));
        }

        Assert.Equal(3, await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE published_at IS NULL"));
        Assert.Equal(1, await database.ScalarAsync<int>("SELECT max(attempts) FROM outbox"));
        Assert.NotNull(await database.ScalarAsync<string>("SELECT max(last_error) FROM outbox"));

        await using var up = await EventCollector.StartAsync(broker.ConnectionString);
        Assert.Equal(3, await Relay(database, up.Services).RelayBatchAsync(CancellationToken.None));
        Assert.Equal(ids, (await up.WaitForAsync(3)).Select(r => r.EventId));
    }

    private static OutboxRelay Relay(Database database, IServiceProvider services) =>
        new(database.DataSource, services.GetRequiredService<IServiceScopeFactory>(), NullLogger<OutboxRelay>.Instance) { PublishTimeout = TimeSpan.FromSeconds(2) };

    /// <summary>A license created, suspended and reinstated: its events, in the outbox, in order.</summary>
    private static async Task<List<Guid>> RecordEventsAsync(Database database, int count)
    {
        var license = await TestData.SeedLicenseAsync(database);
        await using var db = database.CreateContext();
        db.Attach(license);
        var changes = new Func<License, DateTimeOffset, string?>[] { (_, _) => "license.created", (l, t) => l.Suspend(t), (l, t) => l.Reinstate(t) };
        foreach (var change in changes.Take(count))
        {
            var now = DateTimeOffset.UtcNow;
            LicenseEvents.Record(db, change(license, now)!, license, now);
            await db.SaveChangesAsync();
        }

        return await db.Outbox.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => m.Id).ToListAsync();
    }
}
