using Platform.Bench.Grpc.Messages;
using Platform.ServiceDefaults.Grpc.Server;

namespace Platform.Bench.Grpc;

/// <summary>Answers every call with its request, as a cache-hit lookup would answer with a small snapshot.</summary>
internal sealed class BenchService : IGrpcService
{
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => BenchReflection.Descriptor.Services[0];

#pragma warning disable CA1822 // Bound by name from the descriptor; instance methods, as every service has.
    public Task<Payload> Call(Payload request, ServerCallContext context) => Task.FromResult(request);
#pragma warning restore CA1822
}
