using System.Runtime.CompilerServices;

namespace Platform.ServiceDefaults.Grpc.Client;

/// <summary>The outcome of a unary call: its response, and its response headers and trailers (read when first asked for).</summary>
public sealed class UnaryResult<TResponse>
{
    private readonly Func<Metadata> headers;
    private readonly Func<Metadata> trailers;

    internal UnaryResult(TResponse response, Func<Metadata> headers, Func<Metadata> trailers)
    {
        Response = response;
        this.headers = headers;
        this.trailers = trailers;
    }

    public TResponse Response { get; }
    public Metadata ResponseHeaders => headers();
    public Metadata Trailers => trailers();
}

/// <summary>A unary call in flight; await it for the response, or read its headers and trailers.</summary>
public sealed class AsyncUnaryCall<TResponse>(Task<UnaryResult<TResponse>> result)
{
    public Task<UnaryResult<TResponse>> ResultAsync => result;

    public Task<TResponse> ResponseAsync => ResponseOf(result);

    public async Task<Metadata> ResponseHeadersAsync() => (await result).ResponseHeaders;

    public async Task<Metadata> TrailersAsync() => (await result).Trailers;

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    private static async Task<TResponse> ResponseOf(Task<UnaryResult<TResponse>> call) => (await call).Response;
}
