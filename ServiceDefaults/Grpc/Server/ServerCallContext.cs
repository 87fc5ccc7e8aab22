namespace Platform.ServiceDefaults.Grpc.Server;

/// <summary>What a handler knows about its call, in the shape of Grpc.Core's ServerCallContext.</summary>
public sealed class ServerCallContext
{
    private readonly GrpcServerCall call;

    private Metadata? requestHeaders;

    internal ServerCallContext(GrpcServerCall call) => this.call = call;

    /// <summary>The full method path, <c>/package.Service/Method</c>.</summary>
    public string Method => call.MethodPath;

    /// <summary>When the client stops waiting; <see cref="DateTime.MaxValue"/> without a deadline.</summary>
    public DateTime Deadline => call.Deadline;

    /// <summary>The request's metadata, read from its headers when first asked for.</summary>
    public Metadata RequestHeaders => requestHeaders ??= MetadataHeaders.From(call.HttpContext.Request.Headers);

    /// <summary>Trailers sent with the status.</summary>
    public Metadata ResponseTrailers { get; } = [];

    /// <summary>Cancelled when the client cancels or the deadline passes.</summary>
    public CancellationToken CancellationToken => call.CancellationToken;

    public string Peer => call.Peer;

    public HttpContext GetHttpContext() => call.HttpContext;

    /// <summary>Sends response headers now, before any message.</summary>
    public Task WriteResponseHeadersAsync(Metadata headers) => call.WriteResponseHeadersAsync(headers);
}
