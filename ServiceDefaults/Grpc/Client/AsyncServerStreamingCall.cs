using Google.Protobuf;

namespace Platform.ServiceDefaults.Grpc.Client;

/// <summary>A server-streaming call in flight. Dispose it to cancel the call if the stream is not read to the end.</summary>
public sealed class AsyncServerStreamingCall<TResponse> : IDisposable where TResponse : class, IMessage<TResponse>
{
    private readonly ClientCall<TResponse> call;
    private readonly Task started;

    internal AsyncServerStreamingCall(ClientCall<TResponse> call, ReadOnlyMemory<byte> frame)
    {
        this.call = call;
        started = call.StartAsync(frame);
        ResponseStream = new Reader(this);
    }

    public IAsyncStreamReader<TResponse> ResponseStream { get; }

    public async Task<Metadata> ResponseHeadersAsync()
    {
        try
        {
            await started;
        }
        catch (RpcException) when (call.Status is not null)
        {
            // Trailers-only: the headers were the trailers.
        }

        return call.ResponseHeaders;
    }

    /// <summary>The status, once the stream has been read to its end.</summary>
    public Status GetStatus() => call.Status ?? throw new InvalidOperationException("The call has not finished.");

    public Metadata GetTrailers() => call.Status is not null ? call.ResponseTrailers : throw new InvalidOperationException("The call has not finished.");

    /// <summary>All response messages, in order; throws <see cref="RpcException"/> if the call ends with an error.</summary>
    public async IAsyncEnumerable<TResponse> ReadAllAsync()
    {
        while (await ResponseStream.MoveNext())
        {
            yield return ResponseStream.Current;
        }
    }

    public void Dispose() => call.Dispose();

    private sealed class Reader(AsyncServerStreamingCall<TResponse> owner) : IAsyncStreamReader<TResponse>
    {
        public TResponse Current { get; private set; } = null!;

        public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
        {
            await owner.started;
            var next = await owner.call.ReadNextAsync().AsTask().WaitAsync(cancellationToken);
            if (next is null)
            {
                return false;
            }

            Current = next;
            return true;
        }
    }
}
