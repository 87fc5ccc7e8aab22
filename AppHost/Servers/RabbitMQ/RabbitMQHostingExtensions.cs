using System.Globalization;
using global::RabbitMQ.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.AppHost.Servers.RabbitMQ;

/// <summary>RabbitMQ from Debian's package as an Aspire resource, for machines without a container engine.</summary>
public static class RabbitMQHostingExtensions
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    /// <summary>
    /// A private node with AMQP on 127.0.0.1:<paramref name="port"/>, distribution on the next port and its own
    /// epmd on the one after (free ports when <paramref name="port"/> is 0), its data in <c>{dataDir}/rabbitmq</c>,
    /// run as the rabbitmq system user when the AppHost is root.
    /// </summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQServer(this IDistributedApplicationBuilder builder, string name, string dataDir, int port)
    {
        if (!File.Exists(ServerScript))
        {
            throw new InvalidOperationException(
                $"{ServerScript} is missing. Install RabbitMQ (scripts/install-prerequisites.sh) or pass ConnectionStrings__{name} of an existing broker.");
        }

        var amqpPort = FreePort.Resolve(port);
        var distributionPort = port == 0 ? FreePort.Next() : port + 1;
        var epmdPort = port == 0 ? FreePort.Next() : port + 2;
        var root = Path.Combine(dataDir, "rabbitmq");

        var epmd = builder.AddErlangPortMapper($"{name}-epmd", root, epmdPort);
        var (command, args) = SystemUser.Command(RabbitMQServerResource.SystemUserName, ServerScript);
        var server = new RabbitMQServerResource(name, command, root);

        var healthKey = $"{name}-accepts-amqp";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthKey, async cancellationToken =>
            await AcceptsConnectionsAsync(await server.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? "", cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("RabbitMQ does not accept AMQP connections yet."));

        var node = builder.AddResource(server)
            .WithArgs(args)
            .WithEndpoint(port: amqpPort, targetPort: amqpPort, scheme: "amqp", name: RabbitMQServerResource.EndpointName, isProxied: false)
            .WithEndpoint(RabbitMQServerResource.EndpointName, endpoint => endpoint.TargetHost = "127.0.0.1")
            .WithEnvironment("HOME", root) // holds the node's Erlang cookie: private to this node
            .WithEnvironment("RABBITMQ_CONF_ENV_FILE", "/dev/null")
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(root, "rabbitmq"))
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(root, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(root, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(root, "rabbitmq.pid"))
            .WithEnvironment("RABBITMQ_NODENAME", "platform-" + Invariant(amqpPort) + "@localhost")
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_NODE_PORT", Invariant(amqpPort))
            .WithEnvironment("RABBITMQ_DIST_PORT", Invariant(distributionPort))
            .WithEnvironment("ERL_EPMD_PORT", Invariant(epmdPort))
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(root, "enabled_plugins"))
            // Distribution on loopback only; Erlang schedulers that busy-wait would take a two-core machine's CPU from everything else.
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none")
            .WithHealthCheck(healthKey)
            .WaitFor(epmd)
            .OnBeforeResourceStarted(async (_, _, cancellationToken) => await PrepareAsync(root, cancellationToken));
        epmd.WithParentRelationship(node);
        return node;
    }

    private static IResourceBuilder<ErlangPortMapperResource> AddErlangPortMapper(this IDistributedApplicationBuilder builder, string name, string root, int port)
    {
        var epmd = Directory.Exists("/usr/lib/erlang")
            ? Directory.EnumerateFiles("/usr/lib/erlang", "epmd", SearchOption.AllDirectories).FirstOrDefault(path => path.Contains("/bin/", StringComparison.Ordinal))
            : null;
        var (command, args) = SystemUser.Command(RabbitMQServerResource.SystemUserName,
            epmd ?? throw new InvalidOperationException("epmd is missing: install RabbitMQ (scripts/install-prerequisites.sh)."),
            "-address", "127.0.0.1", "-port", Invariant(port));
        return builder.AddResource(new ErlangPortMapperResource(name, command, "/"))
            .WithArgs(args)
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: "epmd", isProxied: false)
            .WithEndpoint("epmd", endpoint => endpoint.TargetHost = "127.0.0.1");
    }

    private static async Task PrepareAsync(string root, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        var plugins = Path.Combine(root, "enabled_plugins");
        if (!File.Exists(plugins))
        {
            await File.WriteAllTextAsync(plugins, "[].\n", cancellationToken);
        }

        // The health check connects every few seconds; its connection lines would drown the rest.
        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq.conf"), "log.connection.level = warning\n", cancellationToken);
        await SystemUser.GiveAsync(root, RabbitMQServerResource.SystemUserName, cancellationToken);
    }

    private static async Task<bool> AcceptsConnectionsAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(connectionString), RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return connection.IsOpen;
        }
        catch (Exception ex) when (ex is global::RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
