using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Hosting;

/// <summary>
/// The AppHost's own settings, from the <c>AppHost</c> configuration section (command line
/// <c>--AppHost:GatewayPort=9090</c> or environment <c>AppHost__GatewayPort=9090</c>). A port of 0 picks a free one.
/// </summary>
public sealed class AppHostOptions
{
    public required string RepositoryRoot { get; init; }
    public required string DataDir { get; init; }
    public int GatewayPort { get; init; } = 8080;
    public int DashboardPort { get; init; } = 18888;
    public int PostgresPort { get; init; } = 54329;
    /// <summary>AMQP port of the private RabbitMQ node; its distribution and epmd ports are the next two unless set.</summary>
    public int RabbitMQPort { get; init; } = 56729;
    public string Configuration { get; init; } = BuildConfiguration;
    /// <summary>The services' <c>ASPNETCORE_ENVIRONMENT</c>: Development (detailed error pages) unless set, e.g. Production for benchmarks.</summary>
    public string Environment { get; init; } = "Development";
    /// <summary>Copy every resource's output to the console, prefixed with its name.</summary>
    public bool EchoOutput { get; init; } = true;
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Empty the data folder before starting: fresh databases and broker.</summary>
    public bool Reset { get; init; }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    public static AppHostOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("AppHost");
        var root = section["RepositoryRoot"] ?? FindRepositoryRoot();
        var dataDir = section["DataDir"] is { Length: > 0 } dir ? Path.GetFullPath(dir) : DefaultDataDir(root);
        var defaults = new AppHostOptions { RepositoryRoot = root, DataDir = dataDir };
        return new AppHostOptions
        {
            RepositoryRoot = root,
            DataDir = dataDir,
            GatewayPort = section.GetValue("GatewayPort", defaults.GatewayPort),
            DashboardPort = section.GetValue("DashboardPort", defaults.DashboardPort),
            PostgresPort = section.GetValue("PostgresPort", defaults.PostgresPort),
            RabbitMQPort = section.GetValue("RabbitMQPort", defaults.RabbitMQPort),
            Configuration = section["Configuration"] ?? defaults.Configuration,
            Environment = section["Environment"] is { Length: > 0 } environment ? environment : defaults.Environment,
            EchoOutput = section.GetValue("EchoOutput", defaults.EchoOutput),
            StartTimeout = TimeSpan.FromSeconds(section.GetValue("StartTimeoutSeconds", 120)),
            Reset = section.GetValue("Reset", false),
        };
    }

    /// <summary>
    /// <c>.apphost/</c> in the repository, unless the AppHost runs as root from a folder the postgres and
    /// rabbitmq users cannot pass through (a clone under /root, mode 0700): then a folder under /var/tmp
    /// named after the repository, so that the servers can reach their data.
    /// </summary>
    private static string DefaultDataDir(string root)
    {
        var inRepository = Path.Combine(root, ".apphost");
        if (System.Environment.UserName != "root")
        {
            return inRepository;
        }

        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            if ((File.GetUnixFileMode(dir.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                var name = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root)))[..12];
                return Path.Combine("/var/tmp", "platform-apphost-" + name);
            }
        }

        return inRepository;
    }

    /// <summary>The folder holding Platform.sln, searched upwards from the working directory and then from the AppHost's binaries.</summary>
    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Platform.sln was not found above the working directory; set AppHost:RepositoryRoot.");
    }
}
