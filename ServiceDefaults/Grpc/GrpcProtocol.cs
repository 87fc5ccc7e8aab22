namespace Platform.ServiceDefaults.Grpc;

/// <summary>Names and values of the gRPC over HTTP/2 protocol (grpc/grpc doc/PROTOCOL-HTTP2.md).</summary>
public static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string ContentTypeProto = "application/grpc+proto";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string IdentityEncoding = "identity";
    public const string GzipEncoding = "gzip";
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>The default limit on a received message, as in the reference implementations.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>Whether a content type is gRPC with the protobuf codec (<c>application/grpc</c>, <c>application/grpc+proto</c>, with parameters).</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = contentType.AsSpan(ContentType.Length);
        return rest.IsEmpty || rest[0] == ';' || rest.StartsWith("+proto", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Headers that belong to HTTP or gRPC itself and are never exposed as call metadata.</summary>
    public static bool IsReservedHeader(string name) =>
        name.StartsWith(':')
        || name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("te", StringComparison.OrdinalIgnoreCase)
        || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("user-agent", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("date", StringComparison.OrdinalIgnoreCase)
        || name.Equals("server", StringComparison.OrdinalIgnoreCase)
        || name.Equals("accept-encoding", StringComparison.OrdinalIgnoreCase);
}
