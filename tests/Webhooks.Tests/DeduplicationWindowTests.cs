using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Webhooks.IntegrationEvents;

namespace Platform.Webhooks.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class DeduplicationWindowTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Fact]
    public async Task EventIdsOlderThanTheWindowAreForgottenAndRecentOnesKept()
    {
        var setup = await WebhooksSetup.CreateAsync(postgres, broker);
        await using var host = await WebhooksHost.StartAsync(setup, ("Webhooks:DeduplicationWindow", "1.00:00:00"));
        await using var dataSource = NpgsqlDataSource.Create(setup.ConnectionString);
        await using (var seed = dataSource.CreateCommand(
            "INSERT INTO received_events (event_id, type, received_at) VALUES (gen_random_uuid(), 'license.created', now() - interval '2 days'), (gen_random_uuid(), 'license.created', now() - interval '1 hour')"))
        {
            await seed.ExecuteNonQueryAsync();
        }

        await host.Services.GetRequiredService<ReceivedEventsPruner>().PruneAsync(CancellationToken.None);

        // The service's own hourly pass may have pruned first; either way only the recent id is left.
        await using var left = dataSource.CreateCommand("SELECT count(*) FILTER (WHERE received_at > now() - interval '1 day'), count(*) FROM received_events");
        await using var reader = await left.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.Equal(1L, reader.GetInt64(1));
    }
}
