namespace Platform.ServiceDefaults.Grpc.Server;

public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted; larger ones are answered RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message sent; a handler returning a larger one ends the call RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = int.MaxValue;

    /// <summary>Compress responses with gzip when the client accepts it.</summary>
    public bool CompressResponses { get; set; }
}
