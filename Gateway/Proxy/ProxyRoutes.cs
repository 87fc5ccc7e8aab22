using System.Globalization;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Platform.Gateway.Proxy;

internal static class ProxyRoutes
{
    /// <summary>Maps every route of the <c>ReverseProxy</c> section to the forwarder; a broken section fails the start.</summary>
    public static IEndpointRouteBuilder MapProxyRoutes(this IEndpointRouteBuilder endpoints)
    {
        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        var options = endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value;
        foreach (var route in Resolve(configuration, options))
        {
            var endpoint = endpoints.Map(RoutePatternFactory.Parse(route.Pattern), HttpForwarder.HandleAsync)
                .WithDisplayName($"proxy {route.Route.RouteId}")
                .WithMetadata(route.Route);
            if (route.Methods.Count > 0)
            {
                endpoint.WithMetadata(new HttpMethodMetadata(route.Methods, acceptCorsPreflight: true));
            }

            if (route.CorsPolicy is { } cors)
            {
                endpoint.RequireCors(cors);
            }
        }

        return endpoints;
    }

    /// <summary>The routes of the section with their clusters' destinations resolved.</summary>
    public static IReadOnlyList<ResolvedRoute> Resolve(IConfiguration configuration, GatewayOptions options)
    {
        var config = configuration.GetSection(ProxyConfig.SectionName).Get<ProxyConfig>() ?? new ProxyConfig();
        var routes = new List<ResolvedRoute>();
        foreach (var (id, route) in config.Routes)
        {
            if (!config.Clusters.TryGetValue(route.ClusterId, out var cluster))
            {
                throw new InvalidOperationException($"ReverseProxy route '{id}' names cluster '{route.ClusterId}', which is not declared.");
            }

            var destination = cluster.Destinations.Values.FirstOrDefault()
                ?? throw new InvalidOperationException($"ReverseProxy cluster '{route.ClusterId}' has no destination.");
            var resolved = new ProxyRoute(
                id,
                route.ClusterId,
                ResolveAddress(configuration, destination.Address),
                route.AuthorizationPolicy,
                route.Metadata.TryGetValue("Scopes", out var scopes) ? scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [],
                route.MaxRequestBodySize ?? options.MaxRequestBodySize,
                cluster.HttpRequest.ActivityTimeout ?? options.UpstreamTimeout,
                route.Metadata.TryGetValue("Sunset", out var sunset) ? SunsetHeader(id, sunset) : null,
                UpstreamVersion(route.ClusterId, cluster.HttpRequest.Version),
                cluster.HttpRequest.VersionPolicy ?? HttpVersionPolicy.RequestVersionOrLower);
            routes.Add(new ResolvedRoute(resolved, route.Match.Path, route.Match.Methods, route.CorsPolicy));
        }

        return routes;
    }

    /// <summary>
    /// <c>http://validation</c> becomes <c>services:validation:http:0</c> when that is set, and <c>http://_h2c.validation</c>
    /// (a named endpoint) <c>services:validation:h2c:0</c>, as with Aspire's service discovery; otherwise the host
    /// is taken as it is (without the endpoint name), for DNS to resolve.
    /// </summary>
    private static Uri ResolveAddress(IConfiguration configuration, string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"ReverseProxy destination '{address}' is not an absolute URL.");
        }

        var (service, endpoint) = uri.Host.StartsWith('_') && uri.Host.IndexOf('.', StringComparison.Ordinal) is > 1 and var dot
            ? (uri.Host[(dot + 1)..], uri.Host[1..dot])
            : (uri.Host, uri.Scheme);
        if (configuration[$"services:{service}:{endpoint}:0"] is { Length: > 0 } discovered)
        {
            return new Uri(discovered);
        }

        return service == uri.Host ? uri : new UriBuilder(uri) { Host = service }.Uri;
    }

    private static Version UpstreamVersion(string clusterId, string? version) => version switch
    {
        null or "" or "1.1" => System.Net.HttpVersion.Version11,
        "2" or "2.0" => System.Net.HttpVersion.Version20,
        _ => throw new InvalidOperationException($"ReverseProxy cluster '{clusterId}' asks for HTTP version '{version}'; use 1.1 or 2."),
    };

    private static string SunsetHeader(string routeId, string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"ReverseProxy route '{routeId}' has a Sunset that is not a date: '{value}'.");
}

/// <summary>A route with what its endpoint needs besides the route itself.</summary>
internal sealed record ResolvedRoute(ProxyRoute Route, string Pattern, IReadOnlyList<string> Methods, string? CorsPolicy);
