namespace Platform.ServiceDefaults.Grpc;

/// <summary>
/// A call ended with a status other than OK. Thrown by a server handler to answer with that status,
/// and by the client when the server (or the transport) answers with one.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(Status status, Metadata? trailers = null)
        : base(status.ToString())
    {
        Status = status;
        Trailers = trailers ?? [];
    }

    public RpcException(StatusCode code, string detail)
        : this(new Status(code, detail))
    {
    }

    public Status Status { get; }
    public StatusCode StatusCode => Status.StatusCode;
    public Metadata Trailers { get; }
}
