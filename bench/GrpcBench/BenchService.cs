using Grpc.Core;
using Platform.Bench.Grpc.Messages;

namespace Platform.Bench.Grpc;

/// <summary>Answers every call with its request, as a cache-hit lookup would answer with a small snapshot.</summary>
internal sealed class BenchService : Messages.Bench.BenchBase
{
    public override Task<Payload> Call(Payload request, ServerCallContext context) => Task.FromResult(request);
}
