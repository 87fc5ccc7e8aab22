namespace Platform.Gateway.Proxy;

/// <summary>A route of <see cref="ProxyConfig"/> resolved for forwarding; the metadata of its endpoint.</summary>
internal sealed record ProxyRoute(
    string RouteId,
    string ClusterId,
    Uri Destination,
    string AuthorizationPolicy,
    IReadOnlyList<string> Scopes,
    long MaxRequestBodySize,
    TimeSpan ActivityTimeout,
    string? Sunset,
    Version HttpVersion,
    HttpVersionPolicy VersionPolicy)
{
    /// <summary>Where a request of this route goes.</summary>
    public UpstreamTarget Target { get; } = new(Destination);

    /// <summary>True when the caller's scopes include one the route admits (or the route names none).</summary>
    public bool Admits(IReadOnlyList<string> scopes)
    {
        if (Scopes.Count == 0)
        {
            return true;
        }

        // Loops rather than LINQ: this runs on every authenticated request, and a bound delegate is an allocation.
        foreach (var scope in Scopes)
        {
            for (var i = 0; i < scopes.Count; i++)
            {
                if (string.Equals(scopes[i], scope, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
