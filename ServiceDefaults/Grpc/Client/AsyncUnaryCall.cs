using System.Runtime.CompilerServices;

namespace Platform.ServiceDefaults.Grpc.Client;

/// <summary>The outcome of a unary call: its response, response headers and trailers.</summary>
public sealed record UnaryResult<TResponse>(TResponse Response, Metadata ResponseHeaders, Metadata Trailers);

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
