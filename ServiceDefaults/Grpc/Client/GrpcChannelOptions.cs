namespace Platform.ServiceDefaults.Grpc.Client;

public sealed class GrpcChannelOptions
{
    public int MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;
    public int MaxSendMessageSize { get; set; } = int.MaxValue;

    /// <summary>Compress request messages with gzip.</summary>
    public bool CompressRequests { get; set; }

    /// <summary>
    /// Retry policies by method path (<c>/package.Service/Method</c>) or service (<c>/package.Service/</c>);
    /// a method without one is not retried.
    /// </summary>
    public IDictionary<string, RetryPolicy> RetryPolicies { get; } = new Dictionary<string, RetryPolicy>();

    /// <summary>The handler to send with; by default one <see cref="SocketsHttpHandler"/> for the channel.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    internal RetryPolicy? RetryPolicyFor(string methodPath)
    {
        if (RetryPolicies.Count == 0)
        {
            return null;
        }

        if (RetryPolicies.TryGetValue(methodPath, out var policy))
        {
            return policy;
        }

        var service = methodPath[..(methodPath.LastIndexOf('/') + 1)];
        return RetryPolicies.TryGetValue(service, out policy) ? policy : null;
    }
}
