using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>
/// A private RabbitMQ node of a test's own that can be stopped and started again on the same port and data,
/// as an operator would restart the broker: for tests of what happens while it is away.
/// </summary>
public sealed class RestartableBroker : IAsyncDisposable
{
    private readonly string dataDir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "platform-restartable-broker-" + Guid.NewGuid().ToString("N")[..12])).FullName;
    private readonly int port = FreePortRun();
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

    /// <summary>A port whose next two are free too: the node uses the port, +1 for distribution and +2 for its port mapper.</summary>
    private static int FreePortRun()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var candidate = Random.Shared.Next(20_000, 60_000);
            if (Enumerable.Range(candidate, 3).All(IsFree))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No run of three free ports found.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
