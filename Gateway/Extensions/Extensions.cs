using Platform.ServiceDefaults.Configuration;
using Platform.ServiceDefaults.Grpc;

namespace Platform.Gateway.Extensions;

/// <summary>The composition root of Gateway.</summary>
internal static class Extensions
{
    private static readonly string[] Upstreams = ["licensing", "validation", "webhooks", "billing"];

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddGrpcServiceReference("licensing");
        // Every route of the public API leads to one of these; the forwarder comes with the Gateway issue.
        foreach (var upstream in Upstreams)
        {
            builder.AddServiceReference(upstream);
        }
    }
}
