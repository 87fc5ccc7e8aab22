using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Resources;

namespace Platform.Testing;

/// <summary>A private Postgres and RabbitMQ for the tests that publish, started once by the AppHost's orchestration.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    private readonly string dataDir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "platform-broker-tests-" + Guid.NewGuid().ToString("N")[..12])).FullName;
    private DistributedApplication app = null!;

    public RabbitMQServerResource Broker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(
            [$"--AppHost:DataDir={dataDir}", "--AppHost:RabbitMQPort=0", "--AppHost:DashboardPort=0", "--AppHost:EchoOutput=false"]);
        Broker = builder.AddRabbitMQ("eventbus").Resource;
        app = builder.Build();
        await app.StartAsync();
        await app.WaitForAllHealthyAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        Directory.Delete(dataDir, recursive: true);
    }
}
