using Grpc.Health.V1;
using Platform.ServiceDefaults.Grpc.Client;

namespace Platform.ServiceDefaults.Grpc.Health;

/// <summary>The typed client of <c>grpc.health.v1.Health</c>.</summary>
public sealed class HealthClient(CallInvoker invoker)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = HealthReflection.Descriptor.Services[0];
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> CheckMethod = Method.From<HealthCheckRequest, HealthCheckResponse>(Service, "Check");
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> WatchMethod = Method.From<HealthCheckRequest, HealthCheckResponse>(Service, "Watch");

    public AsyncUnaryCall<HealthCheckResponse> CheckAsync(HealthCheckRequest request, CallOptions options = default) =>
        invoker.UnaryAsync(CheckMethod, request, options);

    public AsyncServerStreamingCall<HealthCheckResponse> Watch(HealthCheckRequest request, CallOptions options = default) =>
        invoker.ServerStreaming(WatchMethod, request, options);
}
