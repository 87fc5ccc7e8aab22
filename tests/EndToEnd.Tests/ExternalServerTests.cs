using System.Net;
using Aspire.Hosting.ApplicationModel;
using Npgsql;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ExternalServerTests(PlatformFixture platform)
{
    [Fact]
    public async Task GivenConnectionStringsTheAppHostStartsNoServersOfItsOwnAndUsesThose()
    {
        // The shared platform's Postgres and RabbitMQ stand in for servers the operator already runs.
        var server = new NpgsqlConnectionStringBuilder(await platform.App.GetConnectionStringAsync("licensingdb"));
        string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;
        await using (var connection = new NpgsqlConnection(ConnectionStringFor("postgres")))
        {
            await connection.OpenAsync();
            foreach (var database in new[] { "ext_licensing", "ext_webhooks", "ext_billing" })
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        var dataDir = Repository.NewDataDir();
        await using var app = await PlatformFixture.StartAsync(dataDir,
            $"--ConnectionStrings:licensingdb={ConnectionStringFor("ext_licensing")}",
            $"--ConnectionStrings:webhooksdb={ConnectionStringFor("ext_webhooks")}",
            $"--ConnectionStrings:billingdb={ConnectionStringFor("ext_billing")}",
            $"--ConnectionStrings:eventbus={await platform.App.GetConnectionStringAsync("eventbus")}");

        var resources = app.Services.GetRequiredService<DistributedApplicationModel>().Resources;
        Assert.DoesNotContain(resources, r => r is Platform.AppHost.Servers.Postgres.PostgresServerResource or Platform.AppHost.Servers.RabbitMQ.RabbitMQServerResource or Platform.AppHost.Servers.RabbitMQ.ErlangPortMapperResource);
        Assert.Equal(["billingdb", "eventbus", "licensingdb", "webhooksdb"], resources.OfType<IResourceWithConnectionString>().Select(r => r.Name).Order());
        Assert.False(Directory.Exists(Path.Combine(dataDir, "postgres")));
        Assert.False(Directory.Exists(Path.Combine(dataDir, "rabbitmq")));
        Assert.Equal(ConnectionStringFor("ext_licensing"), await app.GetConnectionStringAsync("licensingdb"));

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(app.GetEndpoint("gateway", "http"), "/health"))).StatusCode);
        await app.StopAsync();
        Directory.Delete(dataDir, recursive: true);
    }
}
