namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// The built-in ActivitySources and Meters we listen to. The instrumentation packages are not
/// served here, so we subscribe to what ASP.NET Core, HttpClient, Npgsql and MassTransit emit natively.
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
        "System.Runtime",
        "Npgsql",
        "MassTransit",
        PlatformPrefix + ".*",
    ];
}
