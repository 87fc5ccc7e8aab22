namespace Platform.ServiceDefaults.Grpc;

/// <summary>The status a client reports when the HTTP response is not a gRPC one (grpc/grpc doc/http-grpc-status-mapping.md).</summary>
public static class HttpStatusMapping
{
    public static StatusCode ToStatusCode(int httpStatus) => httpStatus switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
