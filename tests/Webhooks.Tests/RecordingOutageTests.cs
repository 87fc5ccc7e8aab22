using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Platform.Webhooks.Tests;

/// <summary>A delivery sent while the database goes away is recorded once it is back, not sent again.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class RecordingOutageTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Fact]
    public async Task ADeliveryWhoseOutcomeCannotBeRecordedAtFirstIsRecordedDeliveredWithoutBeingSentAgain()
    {
        var setup = await WebhooksSetup.CreateAsync(postgres, broker);
        var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // While the receiver answers, Postgres ends every connection of the service: recording the outcome fails at first.
        await using var receiver = await Receiver.StartAsync(0, async _ =>
        {
            if (!dropped.Task.IsCompleted)
            {
                await DropConnectionsAsync(setup.ConnectionString);
                dropped.SetResult();
            }

            return Results.Ok();
        });
        await using var host = await WebhooksHost.StartAsync(setup);
        var tenant = TestEvents.NewTenant();
        using var client = host.ClientFor(tenant);
        var (endpointId, _) = await client.CreateEndpointAsync(receiver.Url);

        await host.PublishAsync(TestEvents.License(tenant));
        await dropped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The worker tries to record at once; reading the log before then could take the ended connections from it.
        await Task.Delay(TimeSpan.FromSeconds(1));

        var delivery = await DeliveredAsync(client, endpointId);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivery.GetProperty("lastResponseCode").GetInt32());
        // Recorded after the worker waited for the database (2 s between tries), long before the claim's lease ended.
        Assert.InRange(delivery.GetProperty("deliveredAt").GetDateTimeOffset() - request.At, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(30));
    }

    /// <summary>Ends every session on the database but this one, as a Postgres restart would.</summary>
    private static async Task DropConnectionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var terminate = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
            connection);
        Assert.True((long)(await terminate.ExecuteScalarAsync())! > 0, "the service had no connection to end");
    }

    /// <summary>Polls the delivery log until the delivery is delivered, asking again while the service answers 503 (its database cannot be reached).</summary>
    private static async Task<JsonElement> DeliveredAsync(HttpClient client, string endpointId)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(50))
        {
            using var answer = await client.GetAsync($"/api/v1/webhooks/{endpointId}/deliveries?status=delivered");
            if (answer.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                var page = await answer.JsonAsync();
                Assert.True(answer.IsSuccessStatusCode, page.ToString());
                if (page.GetProperty("data").GetArrayLength() > 0)
                {
                    return page.GetProperty("data")[0];
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"No delivery of endpoint {endpointId} became delivered.");
        }
    }
}
