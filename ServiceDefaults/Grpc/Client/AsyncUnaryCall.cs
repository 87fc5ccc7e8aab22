using System.Runtime.CompilerServices;

namespace Platform.ServiceDefaults.Grpc.Client;

/// <summary>The metadata of a finished call, read when first asked for.</summary>
internal interface IClientCallMetadata
{
    Metadata ResponseHeaders { get; }

    Metadata ResponseTrailers { get; }
}

/// <summary>The outcome of a unary call: its response, and its response headers and trailers (read when first asked for).</summary>
public sealed class UnaryResult<TResponse>
{
    private readonly IClientCallMetadata call;

    internal UnaryResult(TResponse response, IClientCallMetadata call)
    {
        Response = response;
        this.call = call;
    }

    public TResponse Response { get; }
    public Metadata ResponseHeaders => call.ResponseHeaders;
    public Metadata Trailers => call.ResponseTrailers;
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
