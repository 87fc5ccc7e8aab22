using Platform.Billing.Infrastructure;
using Platform.Billing.Processing;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.ServiceCalls;
using LicensingGrpc = Platform.Protos.Licensing.V1.Licensing;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Input;

namespace Platform.Billing.Extensions;

/// <summary>The composition root of Billing.Service.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRequestInputChecks();
        builder.AddPostgresDataSource("billingdb");
        builder.AddMigrations(typeof(Extensions).Assembly, BillingMigrations.LockKey);
        builder.AddCallerIdentity();
        builder.AddServiceCredential("billing");
        builder.AddGrpcServiceReference("licensing");
        builder.AddGrpcServiceClient<LicensingGrpc.LicensingClient>("licensing", LicensingGrpc.Descriptor.FullName, LicensingClient.RetriedMethods);
        builder.Services.AddSingleton<LicensingClient>();
        builder.Services.Configure<BillingOptions>(builder.Configuration.GetSection(BillingOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services
            .AddSingleton<SettingsStore>()
            .AddSingleton<SecretStore>()
            .AddSingleton<PriceStore>()
            .AddSingleton<EventStore>()
            .AddSingleton<EventSignal>()
            .AddSingleton<BillingMetrics>()
            .AddSingleton<CheckoutHandler>()
            .AddSingleton<InvoiceHandler>()
            .AddSingleton<SubscriptionHandler>()
            .AddSingleton<RefundHandler>()
            .AddSingleton<StripeEventApplier>()
            .AddHostedService<StripeEventProcessor>();
    }
}
