using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Licensing.IntegrationEvents;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Licensing.Tests;

/// <summary>
/// The outbox across a real broker outage: RabbitMQ is stopped, 100 changes are made through the API, RabbitMQ
/// starts again, and every one of the 100 events arrives, none twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BrokerOutageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task EveryChangeMadeWhileTheBrokerIsDownIsPublishedOnceItIsBack()
    {
        await using var broker = new RestartableBroker();
        await broker.StartAsync();
        await using var s = await Scenario.StartAsync(postgres);
        await using var collector = await EventCollector.StartAsync(broker.ConnectionString, durable: true);
        using var relay = await StartRelayAsync(s.Database, broker.ConnectionString);

        var first = await s.CreateLicenseAsync();
        Assert.Single(await collector.WaitForAsync(2, TimeSpan.FromSeconds(5)));

        await broker.StopAsync();
        var ids = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var id = (await s.CreateLicenseAsync()).GetProperty("id").GetString()!;
            await s.PostAsync($"/api/v1/licenses/{id}/suspend", new { }, HttpStatusCode.OK);
            ids.Add(id);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(100, await s.Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE published_at IS NULL"));

        await broker.StartAsync();
        var received = await collector.WaitForAsync(101, TimeSpan.FromSeconds(90));

        var afterOutage = received.Skip(1).ToList();
        Assert.Equal(100, afterOutage.Count);
        Assert.Equal(100, afterOutage.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(ids.Order(), afterOutage.Where(e => e.Type == "license.created").Select(e => e.LicenseId).Order());
        Assert.Equal(ids.Order(), afterOutage.Where(e => e.Type == "license.suspended").Select(e => e.LicenseId).Order());
        Assert.Equal(0, await s.Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE published_at IS NULL"));
        Assert.Equal(first.GetProperty("id").GetString(), received[0].LicenseId);
    }

    /// <summary>The service's relay as it runs in production: a hosted service publishing through the event bus.</summary>
    private static async Task<IHost> StartRelayAsync(Database database, string amqp)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["ConnectionStrings:eventbus"] = amqp;
        builder.AddEventBus();
        builder.Services.AddSingleton(database.DataSource);
        builder.Services.AddHostedService(services => new OutboxRelay(
            database.DataSource, services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<ILogger<OutboxRelay>>())
        {
            PublishTimeout = TimeSpan.FromSeconds(2),
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
