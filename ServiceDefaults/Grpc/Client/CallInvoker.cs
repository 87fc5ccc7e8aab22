using System.Buffers;
using Google.Protobuf;

namespace Platform.ServiceDefaults.Grpc.Client;

/// <summary>Starts calls on a channel; typed clients are thin wrappers around it.</summary>
public sealed class CallInvoker(GrpcChannel channel)
{
    public GrpcChannel Channel => channel;

    public AsyncUnaryCall<TResponse> UnaryAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        new(channel.Options.RetryPolicyFor(method.Path) is { } policy
            ? RunWithRetriesAsync(method, Frame(request), options, policy)
            : AttemptUnaryAsync(method, Frame(request), options));

    public AsyncServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        new(new ClientCall<TResponse>(channel, method.Path, method.ResponseParser, options), Frame(request));

    private ReadOnlyMemory<byte> Frame(IMessage request)
    {
        var buffer = new ArrayBufferWriter<byte>(GrpcFraming.HeaderSize + request.CalculateSize());
        GrpcFraming.Write(buffer, request, channel.Options.MaxSendMessageSize, channel.Options.CompressRequests);
        return buffer.WrittenMemory;
    }

    /// <summary>Attempts the call, and again after a backoff while its retry policy allows and the deadline has not passed.</summary>
    private async Task<UnaryResult<TResponse>> RunWithRetriesAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, ReadOnlyMemory<byte> frame, CallOptions options, RetryPolicy policy)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AttemptUnaryAsync(method, frame, options);
            }
            catch (RpcException ex) when (attempt < policy.MaxAttempts && policy.RetryableStatusCodes.Contains(ex.StatusCode))
            {
                var backoff = policy.BackoffBefore(attempt);
                if (options.Deadline is { } deadline && DateTime.UtcNow + backoff >= deadline)
                {
                    throw;
                }

                await Task.Delay(backoff, options.CancellationToken);
            }
        }
    }

    private async Task<UnaryResult<TResponse>> AttemptUnaryAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, ReadOnlyMemory<byte> frame, CallOptions options)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        // Not disposed before the result is read: the result reads headers and trailers from it lazily.
        var call = new ClientCall<TResponse>(channel, method.Path, method.ResponseParser, options);
        try
        {
            return await AttemptAsync(call, frame);
        }
        finally
        {
            call.Dispose();
        }
    }

    private static async Task<UnaryResult<TResponse>> AttemptAsync<TResponse>(ClientCall<TResponse> call, ReadOnlyMemory<byte> frame)
        where TResponse : class, IMessage<TResponse>, new()
    {
        await call.StartAsync(frame);
        var response = await call.ReadNextAsync()
            ?? throw new RpcException(StatusCode.Internal, "The server ended the call OK without a response message.");
        if (await call.ReadNextAsync() is not null)
        {
            throw new RpcException(StatusCode.Internal, "The server sent more than one response message to a unary call.");
        }

        return new UnaryResult<TResponse>(response, call);
    }
}
