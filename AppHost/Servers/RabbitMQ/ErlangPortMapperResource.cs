namespace Platform.AppHost.Servers.RabbitMQ;

/// <summary>
/// The node's own <c>epmd</c>, in the foreground on loopback: left to itself the node would start one as a daemon
/// that outlives the AppHost and listens on every interface.
/// </summary>
public sealed class ErlangPortMapperResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory);
