using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.AppHost.Servers.Postgres;

/// <summary>Postgres from Debian's packages as Aspire resources, for machines without a container engine.</summary>
public static class PostgresHostingExtensions
{
    /// <summary>
    /// A private server on 127.0.0.1:<paramref name="port"/>, its cluster in <c>{dataDir}/postgres/data</c>
    /// (initdb on first start), run as the postgres system user when the AppHost is root; a free port when 0.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgresServer(this IDistributedApplicationBuilder builder, string name, string dataDir, int port)
    {
        port = FreePort.Resolve(port);
        var bin = PostgresCluster.FindBinaries();
        var root = Path.Combine(dataDir, "postgres");
        var data = Path.Combine(root, "data");
        var (command, args) = SystemUser.Command(PostgresServerResource.SystemUserName, Path.Combine(bin, "postgres"),
            "-D", data, "-p", port.ToString(CultureInfo.InvariantCulture), "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=", "-c", "max_connections=300");
        var server = new PostgresServerResource(name, command, root);

        var healthKey = $"{name}-accepts-queries";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthKey, async cancellationToken =>
            await PostgresCluster.CanQueryAsync(await server.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? "", cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Postgres does not answer yet."));

        return builder.AddResource(server)
            .WithArgs(args)
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: PostgresServerResource.EndpointName, isProxied: false)
            .WithEndpoint(PostgresServerResource.EndpointName, endpoint => endpoint.TargetHost = "127.0.0.1")
            .WithHealthCheck(healthKey)
            .OnBeforeResourceStarted(async (resource, e, cancellationToken) =>
                await PostgresCluster.PrepareAsync(root, data, bin, e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource), cancellationToken))
            .OnResourceReady(async (resource, e, cancellationToken) =>
            {
                var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
                await PostgresCluster.CreateDatabasesAsync(connectionString!, resource.Databases.Values, logger, cancellationToken);
                var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
                foreach (var database in builder.Resources.OfType<PostgresDatabaseResource>().Where(d => d.Parent == resource))
                {
                    // Aspire carries no parent's state over to a child resource: the database is up once it exists.
                    await notifications.PublishUpdateAsync(database, snapshot => snapshot with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
                }
            });
    }

    /// <summary>A database the server creates on its first start; <c>WaitFor</c> waits until it exists and answers.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases[name] = database.DatabaseName;

        var healthKey = $"{name}-accepts-queries";
        server.ApplicationBuilder.Services.AddHealthChecks().AddAsyncCheck(healthKey, async cancellationToken =>
            await PostgresCluster.CanQueryAsync(await database.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? "", cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Database {database.DatabaseName} does not answer yet."));

        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new ResourcePropertySnapshot(CustomResourceKnownProperties.Source, server.Resource.Name)],
            })
            .WithHealthCheck(healthKey);
    }
}
