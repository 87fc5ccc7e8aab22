using System.Net;
using System.Net.Http.Headers;

namespace Platform.ServiceDefaults.Grpc.Client;

/// <summary>The request body: the framed request message, built once so retries resend the same bytes.</summary>
internal sealed class GrpcRequestContent : HttpContent
{
    private static readonly MediaTypeHeaderValue GrpcMediaType = new(GrpcProtocol.ContentType);
    private readonly ReadOnlyMemory<byte> frame;

    public GrpcRequestContent(ReadOnlyMemory<byte> frame)
    {
        this.frame = frame;
        Headers.ContentType = GrpcMediaType;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(frame, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = frame.Length;
        return true;
    }
}
