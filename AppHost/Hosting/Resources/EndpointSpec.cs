namespace Platform.AppHost.Hosting.Resources;

/// <summary>A named Kestrel endpoint of a project. <c>Http2Only</c> is needed for gRPC over cleartext (prior knowledge).</summary>
public sealed record EndpointSpec(string Name, int Port, bool Http2Only)
{
    /// <summary>The port actually used, known once the project starts (a configured 0 becomes a free port).</summary>
    public int AllocatedPort { get; internal set; }

    public string Url => $"http://127.0.0.1:{AllocatedPort}";
}
