using System.Globalization;

namespace Platform.Gateway.Routing;

/// <summary>
/// A deprecated route, as its answers announce it: <c>Deprecation: @{unix time}</c> (RFC 9745), <c>Sunset: {HTTP date}</c>
/// (RFC 8594) and, when it has one, <c>Link: &lt;{successor}&gt;; rel="successor-version"</c>, the successor's route values
/// (<c>{id}</c>) filled from the request's.
/// </summary>
internal sealed record RouteDeprecation(string Deprecation, string Sunset, string? Successor)
{
    /// <summary>The route's deprecation from its metadata, null for a current route; a date that does not parse fails the load.</summary>
    public static RouteDeprecation? Of(string routeId, IReadOnlyDictionary<string, string> metadata)
    {
        var hasSince = metadata.TryGetValue("Deprecated", out var since);
        var hasSunset = metadata.TryGetValue("Sunset", out var sunset);
        if (!hasSince && !hasSunset)
        {
            return null;
        }

        if (!hasSince || !hasSunset)
        {
            throw new InvalidOperationException($"ReverseProxy route '{routeId}' must name both Deprecated and Sunset dates, or neither.");
        }

        var deprecated = Date(routeId, "Deprecated", since!);
        var removed = Date(routeId, "Sunset", sunset!);
        if (removed <= deprecated)
        {
            throw new InvalidOperationException($"ReverseProxy route '{routeId}' has a Sunset that is not after its Deprecated date.");
        }

        return new RouteDeprecation(
            "@" + deprecated.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            removed.ToString("r", CultureInfo.InvariantCulture),
            metadata.GetValueOrDefault("Successor"));
    }

    public void WriteTo(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers["Deprecation"] = Deprecation;
        headers["Sunset"] = Sunset;
        if (Successor is not null)
        {
            var successor = Successor;
            foreach (var (name, value) in http.Request.RouteValues)
            {
                successor = successor.Replace($"{{{name}}}", Uri.EscapeDataString(value?.ToString() ?? ""), StringComparison.Ordinal);
            }

            headers.Append("Link", $"<{successor}>; rel=\"successor-version\"");
        }
    }

    private static DateTimeOffset Date(string routeId, string name, string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : throw new InvalidOperationException($"ReverseProxy route '{routeId}' has a {name} that is not a date: '{value}'.");
}
