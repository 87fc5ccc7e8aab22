using System.Net.Http.Headers;

namespace Platform.ServiceDefaults.Grpc.Client;

/// <summary>The request body: the framed request message, built once so retries resend the same bytes.</summary>
internal static class GrpcRequestContent
{
    private static readonly MediaTypeHeaderValue GrpcMediaType = new(GrpcProtocol.ContentType);

    public static HttpContent Create(ReadOnlyMemory<byte> frame)
    {
        var content = new ReadOnlyMemoryContent(frame);
        content.Headers.ContentType = GrpcMediaType;
        return content;
    }
}
