namespace Platform.Gateway.Proxy;

/// <summary>
/// The <c>ReverseProxy</c> configuration section, in the shape of YARP's (<c>Routes</c> and <c>Clusters</c> keyed by
/// id), so that the real <c>Yarp.ReverseProxy</c> can read the same section once it can be restored here.
/// </summary>
internal sealed class ProxyConfig
{
    public const string SectionName = "ReverseProxy";

    public Dictionary<string, RouteConfig> Routes { get; init; } = [];
    public Dictionary<string, ClusterConfig> Clusters { get; init; } = [];
}

/// <summary>A route: which requests (<see cref="Match"/>) go to which cluster, and how the Gateway treats them.</summary>
internal sealed class RouteConfig
{
    public string ClusterId { get; init; } = "";
    public RouteMatch Match { get; init; } = new();

    /// <summary><see cref="AuthPolicies"/>: who may call the route.</summary>
    public string AuthorizationPolicy { get; init; } = AuthPolicies.Default;

    /// <summary>A CORS policy name, or null for no cross-origin access.</summary>
    public string? CorsPolicy { get; init; }

    /// <summary>The largest request body, in bytes; the Gateway's default when absent.</summary>
    public long? MaxRequestBodySize { get; init; }

    /// <summary>
    /// <c>Scopes</c>: the credential scopes admitted (space-separated, any one suffices; absent: any).
    /// <c>Sunset</c>: an HTTP date or ISO date after which the route goes away; the route is then deprecated.
    /// </summary>
    public Dictionary<string, string> Metadata { get; init; } = [];
}

internal sealed class RouteMatch
{
    /// <summary>An ASP.NET Core route pattern, as in YARP (<c>/api/v1/licenses/{**rest}</c>).</summary>
    public string Path { get; init; } = "";

    /// <summary>The HTTP methods admitted; all when empty.</summary>
    public List<string> Methods { get; init; } = [];
}

internal sealed class ClusterConfig
{
    public Dictionary<string, DestinationConfig> Destinations { get; init; } = [];
    public ForwarderRequestConfig HttpRequest { get; init; } = new();
}

internal sealed class DestinationConfig
{
    /// <summary>
    /// The upstream's base address. <c>http://{service}</c> names a referenced service and is resolved from
    /// <c>services:{service}:http:0</c>, as Aspire's service discovery would.
    /// </summary>
    public string Address { get; init; } = "";
}

internal sealed class ForwarderRequestConfig
{
    /// <summary>How long the upstream may stay silent (no response headers) before the Gateway answers 504.</summary>
    public TimeSpan? ActivityTimeout { get; init; }

    /// <summary>The HTTP version asked of the upstream: <c>1.1</c> (the default) or <c>2</c>.</summary>
    public string? Version { get; init; }

    /// <summary>
    /// As in YARP: <c>RequestVersionOrLower</c> (the default), <c>RequestVersionOrHigher</c> or <c>RequestVersionExact</c>.
    /// HTTP/2 without TLS (h2c, prior knowledge) needs <c>Version</c> 2 and <c>RequestVersionExact</c>.
    /// </summary>
    public HttpVersionPolicy? VersionPolicy { get; init; }
}
