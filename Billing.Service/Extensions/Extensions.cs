using Platform.ServiceDefaults.Configuration;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Grpc;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Billing.Extensions;

/// <summary>The composition root of Billing.Service.</summary>
internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddGrpcServiceReference("licensing");
        builder.AddPostgresDataSource("billingdb");
        builder.AddEventBus();
        builder.AddServiceReference("licensing");
    }
}
