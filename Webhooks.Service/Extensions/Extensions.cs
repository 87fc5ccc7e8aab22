using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Messaging;
using Platform.Webhooks.Dispatch;
using Platform.Webhooks.Infrastructure;
using Platform.Webhooks.IntegrationEvents;
using Platform.Webhooks.Model;
using Platform.ServiceDefaults.Input;

namespace Platform.Webhooks.Extensions;

/// <summary>The composition root of Webhooks.Service.</summary>
internal static class Extensions
{
    // Any constant shared by every replica of this service; "WEBHOOKS" in ASCII.
    private const long MigrationLockKey = 0x574542484F4F4B53;

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRequestInputChecks();
        builder.AddPostgresDataSource("webhooksdb");
        builder.AddMigrations(typeof(Extensions).Assembly, MigrationLockKey);
        builder.AddEventBus(bus => bus.AddConsumer<LicenseEventConsumer>(typeof(LicenseEventConsumerDefinition)));
        builder.AddCallerIdentity();
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.AddSingleton<EndpointStore>();
        builder.Services.AddSingleton<DeliveryLog>();
        builder.Services.AddSingleton<AddressPolicy>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<RetrySchedule>();
        builder.Services.AddSingleton<DeliveryQueue>();
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddSingleton<EndpointHealth>();
        builder.Services.AddSingleton<DeliveryMetrics>();
        builder.Services.AddHostedService<DeliveryWorker>();
        builder.Services.AddSingleton<ReceivedEventsPruner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReceivedEventsPruner>());
    }
}
