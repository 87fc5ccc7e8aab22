namespace Platform.Gateway.Routing;

/// <summary>
/// <c>X-API-Version: YYYY-MM-DD</c> pins the behaviour a client was written against. It must name a version the platform
/// knows (<see cref="GatewayOptions.ApiVersions"/>); the answer says which version was applied.
/// </summary>
internal static class ApiVersion
{
    public const string Header = "X-API-Version";

    /// <summary>The version the request names, or null when it names none.</summary>
    public static string? Of(HttpContext context) =>
        context.Request.Headers[Header] is { Count: 1 } values ? values.ToString() : null;

    /// <summary>Why the request's version cannot be applied, or null when it can (or it names none).</summary>
    public static string? Problem(HttpContext context, IReadOnlyList<string> supported)
    {
        if (context.Request.Headers[Header].Count == 0)
        {
            return null;
        }

        var named = Of(context);
        foreach (var version in supported)
        {
            if (string.Equals(named, version, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return $"{Header} must name a version this platform knows; the supported versions are {string.Join(", ", supported)}.";
    }
}
