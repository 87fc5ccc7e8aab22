using Google.Protobuf;
using Microsoft.AspNetCore.Http.Features;

namespace Platform.ServiceDefaults.Grpc.Server;

/// <summary>
/// The server side of one call on Kestrel: deadline, request message, response messages and the
/// closing status (in trailers, or trailers-only when nothing else was sent).
/// </summary>
internal sealed class GrpcServerCall : IDisposable
{
    private readonly GrpcServerOptions options;
    private readonly CancellationTokenSource? deadlineSource;
    // Writes race only with the deadline ending the call, so only calls with a deadline need the lock.
    private readonly SemaphoreSlim? writeLock;
    private readonly bool compressResponses;
    private bool responseStarted;
    private bool completed;

    public GrpcServerCall(HttpContext httpContext, string methodPath, GrpcServerOptions options, TimeSpan? timeout)
    {
        HttpContext = httpContext;
        MethodPath = methodPath;
        this.options = options;
        RequestEncoding = httpContext.Request.Headers[GrpcProtocol.EncodingHeader].ToString() is { Length: > 0 } encoding ? encoding : null;
        compressResponses = options.CompressResponses
            && httpContext.Request.Headers[GrpcProtocol.AcceptEncodingHeader].ToString().Contains(GrpcProtocol.GzipEncoding, StringComparison.Ordinal);
        if (timeout is { } t)
        {
            Deadline = t >= TimeSpan.FromDays(365) ? DateTime.MaxValue : DateTime.UtcNow + t;
            deadlineSource = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
            deadlineSource.CancelAfter(t >= TimeSpan.FromDays(365) ? Timeout.InfiniteTimeSpan : t);
            writeLock = new SemaphoreSlim(1, 1);
        }
    }

    public HttpContext HttpContext { get; }
    public string MethodPath { get; }
    public string? RequestEncoding { get; }
    public DateTime Deadline { get; } = DateTime.MaxValue;
    public CancellationToken CancellationToken => deadlineSource?.Token ?? HttpContext.RequestAborted;
    public bool DeadlineExceeded => deadlineSource is { IsCancellationRequested: true } && !HttpContext.RequestAborted.IsCancellationRequested;
    /// <summary>The client's address in gRPC's notation: <c>ipv4:1.2.3.4:5</c> or <c>ipv6:[::1]:5</c>.</summary>
    public string Peer => HttpContext.Connection.RemoteIpAddress is { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } v6
        ? $"ipv6:[{v6}]:{HttpContext.Connection.RemotePort}"
        : $"ipv4:{HttpContext.Connection.RemoteIpAddress}:{HttpContext.Connection.RemotePort}";

    /// <summary>The request message of a unary or server-streaming call: exactly one.</summary>
    public async Task<T> ReadSingleRequestAsync<T>(MessageParser<T> parser) where T : class, IMessage<T>
    {
        var reader = HttpContext.Request.BodyReader;
        var request = await GrpcFrameReader.ReadAsync(reader, parser, options.MaxReceiveMessageSize, RequestEncoding, CancellationToken)
            ?? throw new RpcException(StatusCode.Internal, "The request has no message.");
        if (await GrpcFrameReader.ReadAsync(reader, parser, options.MaxReceiveMessageSize, RequestEncoding, CancellationToken) is not null)
        {
            throw new RpcException(StatusCode.Internal, "The request has more than one message.");
        }

        return request;
    }

    /// <param name="flush">Send now (streaming); a unary response goes out together with its trailers.</param>
    public async Task WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(completed, this);
            if (!responseStarted && compressResponses)
            {
                HttpContext.Response.Headers[GrpcProtocol.EncodingHeader] = GrpcProtocol.GzipEncoding;
            }

            responseStarted = true;
            GrpcFraming.Write(HttpContext.Response.BodyWriter, message, options.MaxSendMessageSize, compressResponses);
            if (flush)
            {
                await HttpContext.Response.BodyWriter.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            writeLock?.Release();
        }
    }

    public async Task WriteResponseHeadersAsync(Metadata headers)
    {
        await EnterAsync(CancellationToken);
        try
        {
            if (responseStarted)
            {
                throw new InvalidOperationException("Response headers were already sent.");
            }

            MetadataHeaders.CopyTo(headers, HttpContext.Response.Headers);
            responseStarted = true;
            await HttpContext.Response.StartAsync(CancellationToken);
        }
        finally
        {
            writeLock?.Release();
        }
    }

    /// <summary>Ends the call with <paramref name="status"/>; later writes of a still-running handler fail.</summary>
    public async Task CompleteAsync(Status status, Metadata trailers)
    {
        await EnterAsync(CancellationToken.None);
        try
        {
            if (completed || HttpContext.RequestAborted.IsCancellationRequested)
            {
                return;
            }

            completed = true;
            var response = HttpContext.Response;
            if (!responseStarted)
            {
                // Trailers-only: the status travels in the only HEADERS frame, which ends the stream.
                SetStatus(response.Headers, status);
                MetadataHeaders.CopyTo(trailers, response.Headers);
                await response.CompleteAsync();
                return;
            }

            var trailerHeaders = HttpContext.Features.Get<IHttpResponseTrailersFeature>()?.Trailers
                ?? throw new InvalidOperationException("The server does not support trailers (HTTP/2 is required).");
            SetStatus(trailerHeaders, status);
            MetadataHeaders.CopyTo(trailers, trailerHeaders);
            await response.CompleteAsync();
        }
        finally
        {
            writeLock?.Release();
        }
    }

    public void Dispose()
    {
        deadlineSource?.Dispose();
        writeLock?.Dispose();
    }

    private Task EnterAsync(CancellationToken cancellationToken) => writeLock?.WaitAsync(cancellationToken) ?? Task.CompletedTask;

    private static readonly string[] StatusValues = [.. Enumerable.Range(0, 17).Select(code => code.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static void SetStatus(IHeaderDictionary headers, Status status)
    {
        var code = (int)status.StatusCode;
        headers[GrpcProtocol.StatusHeader] = (uint)code < StatusValues.Length ? StatusValues[code] : code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            headers[GrpcProtocol.MessageHeader] = MetadataEncoding.EncodeMessage(status.Detail);
        }
    }
}
