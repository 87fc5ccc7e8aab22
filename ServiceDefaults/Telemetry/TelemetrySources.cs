namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// The sources and meters that no instrumentation package registers: gRPC's and MassTransit's own, and the platform's
/// (ASP.NET Core, HttpClient, the gRPC client, the runtime and Npgsql come from their instrumentation packages).
/// </summary>
public static class TelemetrySources
{
    /// <summary>Our own sources and meters are named under this prefix.</summary>
    public const string PlatformPrefix = "Platform";

    public static readonly string[] ActivitySources =
    [
        "MassTransit",
        PlatformPrefix + ".*",
    ];

    public static readonly string[] Meters =
    [
        "Grpc.AspNetCore.Server",
        "Grpc.Net.Client",
        "MassTransit",
        PlatformPrefix + ".*",
    ];
}
