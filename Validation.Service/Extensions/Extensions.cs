using Platform.ServiceDefaults.Configuration;
using Platform.ServiceDefaults.Grpc;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Validation.Extensions;

/// <summary>The composition root of Validation.Service.</summary>
internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddGrpcServiceReference("licensing");
        builder.AddServiceReference("licensing");
        builder.AddEventBus();
    }
}
