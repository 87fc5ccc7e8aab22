namespace Platform.ServiceDefaults.Grpc.Client;

/// <summary>
/// A connection target: one shared <see cref="SocketsHttpHandler"/> speaking HTTP/2 (prior knowledge on
/// http://, ALPN on https://), reusing connections and opening more when a connection's streams run out.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        Invoker = new HttpMessageInvoker(options.HttpHandler ?? CreateHandler(), disposeHandler: options.HttpHandler is null);
    }

    public Uri Address { get; }
    public GrpcChannelOptions Options { get; }
    internal HttpMessageInvoker Invoker { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> methodUris = new(StringComparer.Ordinal);

    /// <summary>The absolute URI of a method path, built once per method.</summary>
    internal Uri UriFor(string methodPath) => methodUris.GetOrAdd(methodPath, static (path, address) => new Uri(address, path), Address);

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null) => new(address, options ?? new GrpcChannelOptions());

    public CallInvoker CreateCallInvoker() => new(this);

    public void Dispose() => Invoker.Dispose();

    private static SocketsHttpHandler CreateHandler() => new()
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
    };
}
