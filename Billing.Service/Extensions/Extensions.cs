using Platform.Billing.Infrastructure;
using Platform.Billing.Processing;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Grpc;
using Platform.ServiceDefaults.Grpc.Client;
using Platform.ServiceDefaults.Identity;

namespace Platform.Billing.Extensions;

/// <summary>The composition root of Billing.Service.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDataSource("billingdb");
        builder.AddMigrations(typeof(Extensions).Assembly, BillingMigrations.LockKey);
        builder.AddCallerIdentity();
        builder.AddGrpcServiceReference("licensing");
        builder.AddGrpcClient<LicensingClient>("licensing");
        builder.Services.Configure<BillingOptions>(builder.Configuration.GetSection(BillingOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services
            .AddSingleton<SettingsStore>()
            .AddSingleton<SecretStore>()
            .AddSingleton<PriceStore>()
            .AddSingleton<EventStore>()
            .AddSingleton<EventSignal>()
            .AddSingleton<CheckoutHandler>()
            .AddSingleton<InvoiceHandler>()
            .AddSingleton<SubscriptionHandler>()
            .AddSingleton<RefundHandler>()
            .AddSingleton<StripeEventApplier>()
            .AddHostedService<StripeEventProcessor>();
    }
}
