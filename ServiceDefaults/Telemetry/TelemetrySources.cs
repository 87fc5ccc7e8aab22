namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// The built-in ActivitySources and Meters we listen to: what ASP.NET Core, HttpClient, gRPC, Npgsql and MassTransit
/// emit natively (gRPC client calls are enriched by the gRPC client instrumentation).
/// </summary>
public static class TelemetrySources
{
    /// <summary>Our own sources and meters are named under this prefix.</summary>
    public const string PlatformPrefix = "Platform";

    public static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Npgsql",
        "MassTransit",
        PlatformPrefix + ".*",
    ];

    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Net.Http",
        "System.Net.NameResolution",
        "Grpc.AspNetCore.Server",
        "Grpc.Net.Client",
        "System.Runtime",
        "Npgsql",
        "MassTransit",
        PlatformPrefix + ".*",
    ];
}
