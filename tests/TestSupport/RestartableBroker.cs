using Platform.AppHost.Servers;

namespace Platform.Testing;

/// <summary>
/// A private RabbitMQ node of a test's own that can be stopped and started again on the same port and data,
/// as an operator would restart the broker: for tests of what happens while it is away.
/// </summary>
public sealed class RestartableBroker : IAsyncDisposable
{
    private readonly string dataDir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "platform-restartable-broker-" + Guid.NewGuid().ToString("N")[..12])).FullName;
    private readonly int port = FreePort.NextRun(3); // the node's port, +1 for distribution, +2 for its port mapper
    private DistributedApplication? app;

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{port}/";

    public bool IsRunning => app is not null;

    public async Task StartAsync() => (app, _) = await BrokerFixture.StartAsync(dataDir, port);

    public async Task StopAsync()
    {
        if (app is { } running)
        {
            app = null;
            await running.StopAsync();
            await running.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(dataDir, recursive: true);
    }
}
