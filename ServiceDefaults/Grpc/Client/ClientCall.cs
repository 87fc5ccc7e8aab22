using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Platform.ServiceDefaults.Grpc.Client;

/// <summary>
/// One attempt of a call over HTTP/2: sends the framed request, reads response headers, messages and
/// trailers, and turns every way a call can end (status, deadline, cancellation, a reset stream, a
/// refused connection) into a <see cref="Status"/>.
/// </summary>
internal sealed class ClientCall<TResponse> : IClientCallMetadata, IDisposable where TResponse : class, IMessage<TResponse>
{
    private static readonly Version Http2 = HttpVersion.Version20;
    private readonly GrpcChannel channel;
    private readonly string path;
    private readonly MessageParser<TResponse> parser;
    private readonly CallOptions options;
    private readonly CancellationTokenSource? deadlineSource;
    private readonly CancellationTokenSource? linkedSource;
    private readonly CancellationToken cancellationToken;
    private HttpResponseMessage? response;
    private readonly byte[] frameHeader = new byte[GrpcFraming.HeaderSize];
    private Stream? body;
    private string? responseEncoding;

    public ClientCall(GrpcChannel channel, string path, MessageParser<TResponse> parser, CallOptions options)
    {
        this.channel = channel;
        this.path = path;
        this.parser = parser;
        this.options = options;
        if (options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            var remaining = deadline - DateTime.UtcNow;
            deadlineSource = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            linkedSource = CancellationTokenSource.CreateLinkedTokenSource(deadlineSource.Token, options.CancellationToken);
            cancellationToken = linkedSource.Token;
        }
        else
        {
            cancellationToken = options.CancellationToken;
        }
    }

    private Metadata? responseHeaders;
    private Metadata? responseTrailers;
    private bool trailersOnly;

    /// <summary>Read from the response headers when first asked for.</summary>
    public Metadata ResponseHeaders => responseHeaders ??= response is null ? [] : MetadataHeaders.From(response.Headers);

    /// <summary>Read from the trailers (or, for a trailers-only response, the headers) when first asked for.</summary>
    public Metadata ResponseTrailers => responseTrailers ??= response is null ? [] : trailersOnly ? ResponseHeaders : MetadataHeaders.From(response.TrailingHeaders);
    public Status? Status { get; private set; }

    /// <summary>Sends the request and reads the response headers; a trailers-only answer ends the call here.</summary>
    public async Task StartAsync(ReadOnlyMemory<byte> frame)
    {
        try
        {
            if (options.Deadline is { } deadline && deadline <= DateTime.UtcNow)
            {
                throw new RpcException(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            }

            using var request = BuildRequest(frame);
            response = await channel.Invoker.SendAsync(request, cancellationToken);
            if (StatusFromHeaders(response) is { } status)
            {
                trailersOnly = true;
                Finish(status);
                return;
            }

            responseEncoding = FirstValue(response.Headers, GrpcProtocol.EncodingHeader);
            body = await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex);
        }
    }

    /// <summary>The next response message, or null once the call has ended OK; a failed call throws.</summary>
    public async ValueTask<TResponse?> ReadNextAsync()
    {
        if (Status is { } done)
        {
            return done.StatusCode == StatusCode.OK ? null : throw new RpcException(done, ResponseTrailers);
        }

        try
        {
            var message = await ReadMessageAsync();
            if (message is not null)
            {
                return message;
            }

            Finish(StatusFrom(response!.TrailingHeaders) ?? new Status(StatusCode.Internal, "The response ended without a grpc-status."));
            return null;
        }
        catch (RpcException ex) when (Status is null)
        {
            // A limit or a malformed frame on our side: stop the stream and report it.
            linkedSource?.Cancel();
            response?.Dispose();
            Status = ex.Status;
            throw;
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex);
        }
    }

    /// <summary>Reads one frame straight from the response stream into a pooled buffer.</summary>
    private async ValueTask<TResponse?> ReadMessageAsync()
    {
        var read = await body!.ReadAtLeastAsync(frameHeader, GrpcFraming.HeaderSize, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return null;
        }

        if (read < GrpcFraming.HeaderSize)
        {
            throw new RpcException(StatusCode.Internal, "The stream ended in the middle of a message.");
        }

        var length = GrpcFraming.ReadHeader(frameHeader, channel.Options.MaxReceiveMessageSize, out var compressed);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (await body.ReadAtLeastAsync(buffer.AsMemory(0, length), length, throwOnEndOfStream: false, cancellationToken) < length)
            {
                throw new RpcException(StatusCode.Internal, "The stream ended in the middle of a message.");
            }

            return GrpcFraming.Parse(parser, new ReadOnlySequence<byte>(buffer, 0, length), compressed, responseEncoding, channel.Options.MaxReceiveMessageSize);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose()
    {
        response?.Dispose();
        linkedSource?.Dispose();
        deadlineSource?.Dispose();
    }

    private HttpRequestMessage BuildRequest(ReadOnlyMemory<byte> frame)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, channel.UriFor(path))
        {
            Version = Http2,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = GrpcRequestContent.Create(frame),
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
        if (channel.Options.CompressRequests)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, GrpcProtocol.GzipEncoding);
        }

        if (options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(deadline - DateTime.UtcNow));
        }

        if (options.Headers is { } metadata)
        {
            MetadataHeaders.CopyTo(metadata, headers);
        }

        return request;
    }

    private void Finish(Status status)
    {
        Status = status;
        if (status.StatusCode != StatusCode.OK)
        {
            throw new RpcException(status, ResponseTrailers);
        }
    }

    /// <summary>A status already in the headers: an HTTP error, a non-gRPC answer, or trailers-only.</summary>
    private static Status? StatusFromHeaders(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new Status(HttpStatusMapping.ToStatusCode((int)response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
        }

        var contentType = FirstValue(response.Content.Headers, "Content-Type");
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            return new Status(StatusCode.Unknown, $"Bad gRPC response. Invalid content-type value: {contentType}");
        }

        return StatusFrom(response.Headers);
    }

    private static Status? StatusFrom(HttpHeaders headers)
    {
        if (FirstValue(headers, GrpcProtocol.StatusHeader) is not { } code)
        {
            return null;
        }

        var detail = FirstValue(headers, GrpcProtocol.MessageHeader) is { } message ? MetadataEncoding.DecodeMessage(message) : "";
        return int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? new Status((StatusCode)value, detail)
            : new Status(StatusCode.Unknown, $"Invalid grpc-status '{code}'.");
    }

    private static string? FirstValue(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private RpcException Translate(Exception ex)
    {
        if (ex is HttpRequestException { InnerException: HttpProtocolException inner })
        {
            ex = inner;
        }

        var status = ex switch
        {
            OperationCanceledException when deadlineSource?.IsCancellationRequested == true =>
                new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"),
            OperationCanceledException => new Status(StatusCode.Cancelled, "Call canceled by the client."),
            HttpProtocolException { ErrorCode: 0x8 } => new Status(StatusCode.Cancelled, "The server cancelled the call."),
            HttpProtocolException { ErrorCode: 0x7 } => new Status(StatusCode.Unavailable, "The server refused the stream."),
            HttpProtocolException { ErrorCode: 0xb } => new Status(StatusCode.ResourceExhausted, "The server asked to slow down."),
            HttpProtocolException protocol => new Status(StatusCode.Internal, $"HTTP/2 error {protocol.ErrorCode}."),
            HttpRequestException or IOException => new Status(StatusCode.Unavailable, $"Error connecting to {channel.Address.Authority}: {ex.Message}"),
            _ => new Status(StatusCode.Internal, $"Client error: {ex.GetType().Name}"),
        };
        Status = status;
        return new RpcException(status);
    }
}
