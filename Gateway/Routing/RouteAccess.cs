using Yarp.ReverseProxy.Configuration;

namespace Platform.Gateway.Routing;

/// <summary>
/// Who may call a route and what its answers say about it, read once from the <c>Metadata</c> of its YARP route
/// (the metadata of its endpoint): <c>Access</c> (<see cref="Default"/>, <see cref="Public"/> or <see cref="Anonymous"/>),
/// <c>Scopes</c> (space-separated, any one suffices; absent: any), and for a deprecated route <c>Deprecated</c> (the date
/// it was deprecated), <c>Sunset</c> (the date it goes away) and optionally <c>Successor</c> (the route to use instead).
/// </summary>
internal sealed record RouteAccess(string RouteId, string Policy, IReadOnlyList<string> Scopes, RouteDeprecation? Deprecation)
{
    /// <summary>An API key or a portal token is required.</summary>
    public const string Default = "default";

    /// <summary>Credentials are optional (the license key is the credential); anonymous calls are rate-limited per client address.</summary>
    public const string Public = "public";

    /// <summary>No credentials and no identity, for callers that prove themselves otherwise (Stripe signs its events).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The route's access; a metadata value the Gateway does not understand fails the configuration's load.</summary>
    public static RouteAccess For(RouteConfig route)
    {
        var metadata = route.Metadata ?? new Dictionary<string, string>();
        var policy = metadata.TryGetValue("Access", out var access) ? access : Default;
        if (policy is not (Default or Public or Anonymous))
        {
            throw new InvalidOperationException($"ReverseProxy route '{route.RouteId}' has Access '{policy}'; use default, public or anonymous.");
        }

        return new RouteAccess(
            route.RouteId,
            policy,
            metadata.TryGetValue("Scopes", out var scopes) ? scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [],
            RouteDeprecation.Of(route.RouteId, metadata));
    }

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
