using Platform.Licensing.Infrastructure;
using Platform.Licensing.IntegrationEvents;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Licensing.Extensions;

/// <summary>The composition root of Licensing.Service.</summary>
internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddLicensingDatabase();
        builder.AddEventBus();
        builder.AddCallerIdentity();
        builder.Services.AddGrpcServer();
        builder.Services.AddScoped<TenantProvisioning>();
        builder.Services.AddScoped<Activations>();
        builder.Services.AddHostedService<OutboxRelay>();
    }
}
