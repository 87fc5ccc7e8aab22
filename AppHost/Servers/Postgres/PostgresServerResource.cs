namespace Platform.AppHost.Servers.Postgres;

/// <summary>A private PostgreSQL server run from Debian's binaries, its data under the AppHost's data folder.</summary>
public sealed class PostgresServerResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";
    internal const string SystemUserName = "postgres";
    private EndpointReference? endpoint;

    public EndpointReference PrimaryEndpoint => endpoint ??= new EndpointReference(this, EndpointName);

    /// <summary>The databases to create on first start, by resource name: their names in Postgres.</summary>
    internal Dictionary<string, string> Databases { get; } = [];

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host=127.0.0.1;Port={PrimaryEndpoint.Property(EndpointProperty.TargetPort)};Username=postgres");
}
