namespace Platform.Gateway.Proxy;

/// <summary>The values of a route's <see cref="RouteConfig.AuthorizationPolicy"/>.</summary>
internal static class AuthPolicies
{
    /// <summary>An API key or a portal token is required.</summary>
    public const string Default = "default";

    /// <summary>Credentials are optional (the license key is the credential); anonymous calls are rate-limited per client address.</summary>
    public const string Public = "public";

    /// <summary>No credentials and no identity, for callers that prove themselves otherwise (Stripe signs its events).</summary>
    public const string Anonymous = "anonymous";
}
