using System.Collections.Concurrent;

namespace Platform.Grpc.Tests;

/// <summary>What the test server's handlers observed, for tests to assert on.</summary>
public sealed class EchoProbe
{
    public ConcurrentBag<string> Calls { get; } = [];
    public ConcurrentDictionary<string, int> Attempts { get; } = new();
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
