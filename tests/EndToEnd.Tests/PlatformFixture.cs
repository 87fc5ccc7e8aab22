using Platform.AppHost.Hosting;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The resource graph of AppHost/Program.cs, started once for the tests that share it: a private
/// Postgres and RabbitMQ and the five services, on free ports with a fresh data folder.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly string dataDir = Repository.NewDataDir();

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = DistributedApplicationTestingBuilder.Create(
            typeof(DistributedApplication).Assembly,
            $"--AppHost:DataDir={dataDir}",
            "--AppHost:GatewayPort=0",
            "--AppHost:DashboardPort=0",
            "--AppHost:PostgresPort=0",
            "--AppHost:RabbitMQPort=0",
            "--AppHost:EchoOutput=false");
        await App.StartAsync();
        try
        {
            await App.WaitForAllHealthyAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
        }
        catch (Exception ex)
        {
            var logs = string.Join('\n', App.Resources.SelectMany(r => App.GetRecentOutput(r.Name).TakeLast(30).Select(line => $"{r.Name} | {line}")));
            await App.StopAsync();
            throw new InvalidOperationException($"The platform did not become healthy: {ex.Message}\n{logs}", ex);
        }
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        Directory.Delete(dataDir, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
