using System.Diagnostics;

namespace Platform.Grpc.Tests;

/// <summary>The grpc-js server of interop/server.js, started once for the tests that call it.</summary>
public sealed class NodeServer : IAsyncLifetime
{
    private Process process = null!;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        process = Process.Start(Node.Script("server.js"))!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"server.js did not start: {line} {await process.StandardError.ReadToEndAsync()}");
        }

        Address = new Uri($"http://127.0.0.1:{line[5..]}");
    }

    public EchoClient CreateClient() =>
        new(GrpcChannel.ForAddress(Address, new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 }).CreateCallInvoker());

    public async Task DisposeAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
