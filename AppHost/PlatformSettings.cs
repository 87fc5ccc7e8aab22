using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Platform.AppHost;

/// <summary>
/// The AppHost's own settings, from the <c>AppHost</c> configuration section (command line
/// <c>--AppHost:GatewayPort=9090</c> or environment <c>AppHost__GatewayPort=9090</c>). A port of 0 picks a free one.
/// </summary>
public sealed class PlatformSettings
{
    public required string DataDir { get; init; }
    public int GatewayPort { get; init; } = 8080;
    public int PostgresPort { get; init; } = 54329;
    /// <summary>AMQP port of the private RabbitMQ node; its distribution and epmd ports are the next two (free ones when 0).</summary>
    public int RabbitMQPort { get; init; } = 56729;
    /// <summary>The services' <c>ASPNETCORE_ENVIRONMENT</c>: Development unless set, e.g. Production for benchmarks.</summary>
    public string Environment { get; init; } = "Development";
    /// <summary>Empty the data folder before starting: fresh databases, broker, secrets and credentials.</summary>
    public bool Reset { get; init; }

    public static PlatformSettings From(IConfiguration configuration, string appHostDirectory)
    {
        var section = configuration.GetSection("AppHost");
        var defaults = new PlatformSettings { DataDir = "" };
        return new PlatformSettings
        {
            DataDir = section["DataDir"] is { Length: > 0 } dir ? Path.GetFullPath(dir) : DefaultDataDir(Path.GetDirectoryName(appHostDirectory)!),
            GatewayPort = section.GetValue("GatewayPort", defaults.GatewayPort),
            PostgresPort = section.GetValue("PostgresPort", defaults.PostgresPort),
            RabbitMQPort = section.GetValue("RabbitMQPort", defaults.RabbitMQPort),
            Environment = section["Environment"] is { Length: > 0 } environment ? environment : defaults.Environment,
            Reset = section.GetValue("Reset", false),
        };
    }

    /// <summary>
    /// <c>.apphost/</c> in the repository, unless the AppHost runs as root from a folder the postgres and
    /// rabbitmq users cannot pass through (a clone under /root, mode 0700): then a folder under /var/tmp
    /// named after the repository, so that the servers can reach their data.
    /// </summary>
    private static string DefaultDataDir(string repository)
    {
        var inRepository = Path.Combine(repository, ".apphost");
        if (System.Environment.UserName != "root")
        {
            return inRepository;
        }

        for (var dir = new DirectoryInfo(repository); dir is not null; dir = dir.Parent)
        {
            if ((File.GetUnixFileMode(dir.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(repository)))[..12];
                return Path.Combine("/var/tmp", "platform-apphost-" + name);
            }
        }

        return inRepository;
    }
}
