using System.Net;
using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Resources;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ExternalServerTests(PlatformFixture platform)
{
    [Fact]
    public async Task GivenConnectionStringsTheAppHostStartsNoServersOfItsOwnAndUsesThose()
    {
        // The shared fixture's Postgres and RabbitMQ stand in for servers the operator already runs.
        var postgres = (PostgresServerResource)platform.App.GetResource("postgres");
        var eventBus = (RabbitMQServerResource)platform.App.GetResource("eventbus");
        var dataDir = Repository.NewDataDir();
        await using var app = DistributedApplicationTestingBuilder.Create(
            typeof(DistributedApplication).Assembly,
            $"--ConnectionStrings:postgres={postgres.ConnectionStringFor("postgres")}",
            $"--ConnectionStrings:eventbus={eventBus.GetConnectionString()}",
            $"--AppHost:DataDir={dataDir}",
            "--AppHost:GatewayPort=0",
            "--AppHost:DashboardPort=0",
            "--AppHost:EchoOutput=false");

        await app.StartAsync();
        await app.WaitForAllHealthyAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        Assert.Null(app.GetResource("postgres").ProcessId);
        Assert.Null(app.GetResource("eventbus").ProcessId);
        Assert.False(Directory.Exists(Path.Combine(dataDir, "postgres")));
        Assert.False(Directory.Exists(Path.Combine(dataDir, "rabbitmq")));
        Assert.Equal(postgres.ConnectionStringFor("licensingdb"), ((PostgresDatabaseResource)app.GetResource("licensingdb")).GetConnectionString());

        using var http = new HttpClient();
        var gateway = ((ProjectResource)app.GetResource("gateway")).HttpEndpoint.Url;
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"{gateway}/health"))).StatusCode);

        // The library path stops what it started: no child of this application is left.
        var children = ProcessSnapshot.Of(app.Resources.Select(r => r.ProcessId).OfType<int>());
        Assert.Equal(5, app.Resources.Count(r => r.ProcessId is not null));
        Assert.NotEmpty(children.StillRunning());
        await app.StopAsync();
        Assert.Empty(children.StillRunning());
        Directory.Delete(dataDir, recursive: true);
    }
}
