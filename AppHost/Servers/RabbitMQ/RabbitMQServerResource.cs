namespace Platform.AppHost.Servers.RabbitMQ;

/// <summary>A private RabbitMQ node (its own ports, data folder and node name) run from Debian's package.</summary>
public sealed class RabbitMQServerResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "amqp";
    internal const string SystemUserName = "rabbitmq";
    private EndpointReference? endpoint;

    public EndpointReference PrimaryEndpoint => endpoint ??= new EndpointReference(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.TargetPort)}/");
}
