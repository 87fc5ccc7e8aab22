namespace Platform.Testing;

/// <summary>A private RabbitMQ for the tests that publish, the AppHost's own resource, started once.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    private readonly string dataDir = AppHostServers.NewDataDir("broker-tests");
    private DistributedApplication app = null!;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => (app, ConnectionString) = await StartAsync(dataDir, port: 0);

    /// <summary>A node on <paramref name="port"/> (its distribution and epmd ports the next two; all free ones when 0).</summary>
    internal static async Task<(DistributedApplication App, string ConnectionString)> StartAsync(string dataDir, int port)
    {
        var builder = AppHostServers.CreateBuilder();
        var broker = builder.AddRabbitMQServer("eventbus", dataDir, port);
        var app = await AppHostServers.StartAsync(builder, "eventbus", TimeSpan.FromMinutes(2));
        return (app, (await broker.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None))!);
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(dataDir, recursive: true);
    }
}
