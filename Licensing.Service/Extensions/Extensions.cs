using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Grpc.Server;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Licensing.Extensions;

/// <summary>The composition root of Licensing.Service.</summary>
internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDataSource("licensingdb");
        builder.AddEventBus();
        builder.Services.AddGrpcServer();
    }
}
