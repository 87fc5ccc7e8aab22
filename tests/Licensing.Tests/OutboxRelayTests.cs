using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Contracts.Events;
using Platform.Licensing.IntegrationEvents;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Messaging;

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
        await using var bus = await StartBusAsync(broker.Broker.GetConnectionString());

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
        await using (var down = await StartBusAsync("amqp://guest:guest@127.0.0.1:1/", start: false))
        {
            var relay = Relay(database, down.Services);
            Assert.Equal(0, await relay.RelayBatchAsync(CancellationToken.None));
        }

        Assert.Equal(3, await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE published_at IS NULL"));
        Assert.Equal(1, await database.ScalarAsync<int>("SELECT max(attempts) FROM outbox"));
        Assert.NotNull(await database.ScalarAsync<string>("SELECT max(last_error) FROM outbox"));

        await using var up = await StartBusAsync(broker.Broker.GetConnectionString());
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
            LicenseEvents.Record(db, change(license, now)!, license, new { }, now);
            await db.SaveChangesAsync();
        }

        return await db.Outbox.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => m.Id).ToListAsync();
    }

    private static async Task<TestBus> StartBusAsync(string amqp, bool start = true)
    {
        var collector = new Collector();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(collector);
        var address = AmqpAddress.Parse(amqp);
        var queue = "outbox-relay-test-" + Guid.NewGuid().ToString("N")[..8];
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<CollectorConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(address.Host, address.Port, address.VirtualHost, h => { h.Username(address.Username); h.Password(address.Password); });
                rabbit.ReceiveEndpoint(queue, e =>
                {
                    e.AutoDelete = true;
                    // One at a time, so the order received is the order published.
                    e.PrefetchCount = 1;
                    e.ConcurrentMessageLimit = 1;
                    e.ConfigureConsumer<CollectorConsumer>(context);
                });
            });
        });
        var provider = services.BuildServiceProvider();
        var control = provider.GetRequiredService<IBusControl>();
        if (start)
        {
            await control.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        }

        return new TestBus(provider, control, collector, start);
    }

    private sealed class Collector
    {
        public ConcurrentQueue<LicenseEvent> Received { get; } = new();
    }

    private sealed class CollectorConsumer(Collector collector) : IConsumer<LicenseEvent>
    {
        public Task Consume(ConsumeContext<LicenseEvent> context)
        {
            Assert.Equal(context.Message.EventId, context.MessageId);
            collector.Received.Enqueue(context.Message);
            return Task.CompletedTask;
        }
    }

    private sealed class TestBus(ServiceProvider provider, IBusControl control, Collector collector, bool started) : IAsyncDisposable
    {
        public IServiceProvider Services => provider;

        public async Task<List<LicenseEvent>> WaitForAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (collector.Received.Count < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            await Task.Delay(300); // anything extra (a duplicate) would show up too
            return [.. collector.Received];
        }

        public async ValueTask DisposeAsync()
        {
            if (started)
            {
                await control.StopAsync();
            }

            await provider.DisposeAsync();
        }
    }
}
