using MassTransit;
using Platform.ServiceDefaults.Configuration;
using Platform.ServiceDefaults.ServiceCalls;
using LicensingGrpc = Platform.Protos.Licensing.V1.Licensing;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Messaging;
using Platform.Validation.Apis;
using Platform.Validation.Cache;
using Platform.Validation.IntegrationEvents;
using Platform.Validation.Licensing;
using Platform.Validation.Model;
using Platform.Validation.Tokens;
using Platform.Validation.Usage;
using Platform.ServiceDefaults.Input;

namespace Platform.Validation.Extensions;

/// <summary>The composition root of Validation.Service.</summary>
internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRequestInputChecks();
        builder.Services.AddOptions<ValidationOptions>().Bind(builder.Configuration.GetSection(ValidationOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.AddServiceCredential("validation");
        builder.AddGrpcServiceReference("licensing");
        builder.AddGrpcServiceClient<LicensingGrpc.LicensingClient>("licensing", LicensingGrpc.Descriptor.FullName, LicensingClient.RetriedMethods);
        builder.Services.AddSingleton<LicensingClient>();
        builder.AddCallerIdentity();
        builder.AddEventBus(bus => bus.AddConsumer<LicenseEventConsumer>().Endpoint(endpoint =>
        {
            // Every replica needs every event: a queue of its own, deleted when the replica goes.
            endpoint.Name = $"validation-cache-{Environment.MachineName.ToLowerInvariant()}-{Guid.NewGuid():N}";
            endpoint.Temporary = true;
        }));

        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ValidationJsonContext.Default));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CacheMetrics>();
        builder.Services.AddSingleton<MissReads>();
        builder.Services.AddSingleton<SnapshotCache>();
        builder.Services.AddHostedService<SnapshotRenewer>();
        builder.Services.AddSingleton<UsageCounter>();
        builder.Services.AddHostedService<UsageReporter>();
        builder.Services.AddSingleton<LicenseValidation>();
        // Read now, so a missing or malformed key stops the service at start, naming the setting.
        builder.Services.AddSingleton(new SigningKeyRing(builder.Configuration));
        builder.Services.AddSingleton<OfflineTokenIssuer>();
        builder.Services.AddSingleton<ValidateApi>();
        builder.Services.AddSingleton<ValidationMetrics>();
    }
}
