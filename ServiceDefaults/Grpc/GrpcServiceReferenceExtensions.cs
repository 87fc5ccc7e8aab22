using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.Grpc.Client;
using Platform.ServiceDefaults.Grpc.Health;

namespace Platform.ServiceDefaults.Grpc;

public static class GrpcServiceReferenceExtensions
{
    /// <summary>
    /// The gRPC endpoint of a referenced service (<c>services:{name}:grpc:0</c>, required), with a readiness
    /// check named <c>{name}-grpc</c> that calls its <c>grpc.health.v1.Health/Check</c>.
    /// </summary>
    public static IHostApplicationBuilder AddGrpcServiceReference(this IHostApplicationBuilder builder, string service, Action<GrpcChannelOptions>? configure = null)
    {
        builder.AddGrpcClient<HealthClient>(service, configure);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"{service}-grpc", sp => new GrpcHealthCheck(sp.GetRequiredService<HealthClient>(), service), failureStatus: null, tags: null));
        return builder;
    }
}
