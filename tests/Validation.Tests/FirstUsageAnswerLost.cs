using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Platform.Protos.Licensing.V1;

namespace Platform.Validation.Tests;

/// <summary>
/// In Licensing's gRPC pipeline: notes every usage report Licensing receives, and answers the first one, after
/// Licensing has stored it, with UNAVAILABLE, as a connection that drops before the answer gets back would.
/// </summary>
internal sealed class FirstUsageAnswerLost : Interceptor
{
    private int reports;

    /// <summary>The usage reports Licensing received, in order, as they arrived.</summary>
    public ConcurrentQueue<RecordUsageRequest> Received { get; } = new();

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is not RecordUsageRequest report)
        {
            return await continuation(request, context);
        }

        Received.Enqueue(report.Clone());
        var response = await continuation(request, context);
        if (Interlocked.Increment(ref reports) == 1)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The answer was lost on its way back."));
        }

        return response;
    }
}
