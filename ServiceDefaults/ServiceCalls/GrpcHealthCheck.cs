using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.ServiceDefaults.ServiceCalls;

/// <summary>Ready when a referenced service's gRPC endpoint answers the standard health check SERVING.</summary>
internal sealed class GrpcHealthCheck(Grpc.Health.V1.Health.HealthClient client, string service) : IHealthCheck
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + Deadline, cancellationToken: cancellationToken);
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
