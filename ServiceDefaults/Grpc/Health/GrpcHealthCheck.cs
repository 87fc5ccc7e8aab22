using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.Grpc.Client;

namespace Platform.ServiceDefaults.Grpc.Health;

/// <summary>Ready when a referenced service's gRPC endpoint answers the standard health check SERVING.</summary>
internal sealed class GrpcHealthCheck(HealthClient client, string service) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await client.CheckAsync(new HealthCheckRequest(), CallOptions.WithTimeout(TimeSpan.FromSeconds(2), cancellationToken: cancellationToken));
            return response.Status == HealthCheckResponse.Types.ServingStatus.Serving
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, $"{service} gRPC answers {response.Status}.");
        }
        catch (RpcException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{service} gRPC health check failed: {ex.StatusCode}.");
        }
    }
}
