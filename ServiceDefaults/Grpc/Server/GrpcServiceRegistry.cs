using System.Collections.Concurrent;

namespace Platform.ServiceDefaults.Grpc.Server;

/// <summary>The services this server has mapped, for the health service to answer about.</summary>
internal sealed class GrpcServiceRegistry
{
    private readonly ConcurrentDictionary<string, bool> services = new();
    private int mapped;

    public bool MarkFirstMapping() => Interlocked.Exchange(ref mapped, 1) == 0;

    public void Add(string serviceName) => services[serviceName] = true;

    public bool Contains(string serviceName) => services.ContainsKey(serviceName);
}
