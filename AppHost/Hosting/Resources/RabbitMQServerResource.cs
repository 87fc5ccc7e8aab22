using System.Globalization;
using Platform.AppHost.Hosting.Processes;
using RabbitMQ.Client;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// A private RabbitMQ node (own ports, data folder and node name) run from the Debian package; or,
/// when <c>ConnectionStrings:{name}</c> is configured, an existing broker used as it is.
/// </summary>
public sealed class RabbitMQServerResource(string name, string? externalConnectionString)
    : ProcessResource(name), IResourceWithConnectionString
{
    private const string SystemUser = "rabbitmq";
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private int amqpPort;
    private int epmdPort;

    public override string Kind => "RabbitMQ";
    public bool IsExternal => externalConnectionString is not null;
    public string ConnectionStringName => Name;
    public override IReadOnlyList<string> Urls => IsExternal || amqpPort == 0 ? [] : [$"amqp://127.0.0.1:{amqpPort}"];

    public string GetConnectionString() => externalConnectionString ?? $"amqp://guest:guest@127.0.0.1:{amqpPort}/";

    private protected override int? EpmdPort => IsExternal ? null : epmdPort;

    internal override async Task StartAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        if (IsExternal)
        {
            return;
        }

        if (!File.Exists(ServerScript))
        {
            throw new InvalidOperationException(
                $"{ServerScript} is missing. Install RabbitMQ (apt-get install rabbitmq-server) or set ConnectionStrings__{Name} to an existing broker.");
        }

        var configured = context.Options.RabbitMQPort;
        amqpPort = PortAllocator.Resolve(configured);
        var distPort = configured == 0 ? PortAllocator.FreePort() : amqpPort + 1;
        epmdPort = configured == 0 ? PortAllocator.FreePort() : amqpPort + 2;

        var root = Path.Combine(context.Options.DataDir, "rabbitmq");
        Directory.CreateDirectory(root);
        var plugins = Path.Combine(root, "enabled_plugins");
        if (!File.Exists(plugins))
        {
            await File.WriteAllTextAsync(plugins, "[].\n", cancellationToken);
        }

        // The readiness probe connects every few seconds; its connection lines would drown the rest.
        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq.conf"), "log.connection.level = warning\n", cancellationToken);
        await SystemUsers.GiveAsync(root, SystemUser);
        var env = new Dictionary<string, string>
        {
            // HOME holds the node's Erlang cookie; keep it private to this node.
            ["HOME"] = root,
            ["RABBITMQ_CONF_ENV_FILE"] = "/dev/null",
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(root, "rabbitmq"),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_PID_FILE"] = Path.Combine(root, "rabbitmq.pid"),
            ["RABBITMQ_NODENAME"] = $"platform-{amqpPort}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Invariant(amqpPort),
            ["RABBITMQ_DIST_PORT"] = Invariant(distPort),
            ["ERL_EPMD_PORT"] = Invariant(epmdPort),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins,
            // Erlang schedulers busy-wait by default; on a two-core machine that takes CPU from everything else.
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "+sbwt none +sbwtdcpu none +sbwtdio none",
        };
        Launch(context, new ChildProcessSpec(ServerScript, [], root, env, SystemUser));
    }

    internal override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(GetConnectionString()), RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return connection.IsOpen;
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private protected override async Task AfterStopAsync()
    {
        if (!IsExternal && epmdPort != 0)
        {
            await ProcessLedger.StopEpmdAsync(epmdPort);
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
