using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.Grpc.Server;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Platform.ServiceDefaults.Grpc.Health;

/// <summary>
/// The standard <c>grpc.health.v1.Health</c> service on every gRPC server. The empty service name
/// and every mapped service answer SERVING while the service's readiness checks pass.
/// </summary>
internal sealed class HealthService(HealthCheckService? checks, GrpcServiceRegistry registry) : IGrpcService
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(5);

    public static ServiceDescriptor Descriptor => HealthReflection.Descriptor.Services[0];

    public async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        new() { Status = await StatusOfAsync(request.Service, context.CancellationToken) };

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        ServingStatus? last = null;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            var status = registry.Contains(request.Service) || request.Service.Length == 0
                ? await StatusOfAsync(request.Service, context.CancellationToken)
                : ServingStatus.ServiceUnknown;
            if (status != last)
            {
                await responseStream.WriteAsync(new HealthCheckResponse { Status = status });
                last = status;
            }

            await Task.Delay(WatchInterval, context.CancellationToken);
        }
    }

    private async Task<ServingStatus> StatusOfAsync(string service, CancellationToken cancellationToken)
    {
        if (service.Length > 0 && !registry.Contains(service))
        {
            throw new RpcException(StatusCode.NotFound, $"Unknown service '{service}'.");
        }

        if (checks is null)
        {
            return ServingStatus.Serving;
        }

        var report = await checks.CheckHealthAsync(cancellationToken);
        return report.Status == HealthStatus.Unhealthy ? ServingStatus.NotServing : ServingStatus.Serving;
    }
}
