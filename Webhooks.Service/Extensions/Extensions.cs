using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Webhooks.Extensions;

/// <summary>The composition root of Webhooks.Service.</summary>
internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDataSource("webhooksdb");
        builder.AddEventBus();
    }
}
