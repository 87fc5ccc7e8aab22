using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Options;
using Platform.Gateway.Proxy;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Gateway.OpenApi;

/// <summary>
/// The public OpenAPI document: every operation the services describe (at <see cref="OpenApiExtensions.DocumentPath"/>)
/// that a Gateway route forwards, with the Gateway's own answers (401, 403, 413, 429, 503, 504) added, the bearer
/// security scheme, and schemas merged (renamed with the service's name where two services use one name differently).
/// Rebuilt at most every <see cref="CacheDuration"/>; a service that cannot be reached is left out until it can.
/// </summary>
internal sealed class PublicApiDocument(IHttpClientFactory httpClients, IConfiguration configuration, IOptions<GatewayOptions> options,
    TimeProvider time, ILogger<PublicApiDocument> logger) : IDisposable
{
    public const string Path = "/api/v1/openapi.json";
    private static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim building = new(1, 1);
    private (string Json, DateTimeOffset BuiltAt)? cached;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (cached is { } hit && time.GetUtcNow() - hit.BuiltAt < CacheDuration)
        {
            return hit.Json;
        }

        await building.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } again && time.GetUtcNow() - again.BuiltAt < CacheDuration)
            {
                return again.Json;
            }

            var json = (await BuildAsync(cancellationToken)).ToJsonString();
            cached = (json, time.GetUtcNow());
            return json;
        }
        finally
        {
            building.Release();
        }
    }

    private async Task<JsonObject> BuildAsync(CancellationToken cancellationToken)
    {
        var routes = ProxyRoutes.Resolve(configuration, options.Value);
        var document = OpenApiSkeleton.Create(options.Value.CurrentApiVersion);
        var paths = document["paths"]!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var cluster in routes.GroupBy(r => r.Route.ClusterId))
        {
            if (await FetchAsync(cluster.First().Route, cancellationToken) is not { } upstream)
            {
                continue;
            }

            SchemaMerger.MergeInto(schemas, upstream, cluster.Key);
            foreach (var (path, item) in upstream["paths"]?.AsObject() ?? [])
            {
                foreach (var (method, operation) in item!.AsObject())
                {
                    if (operation is JsonObject op && Forwarding(cluster, path, method) is { } route)
                    {
                        var target = paths[path] as JsonObject ?? new JsonObject();
                        paths[path] = target;
                        target[method] = OpenApiSkeleton.WithGatewayAnswers(op.DeepClone().AsObject(), route.Route);
                    }
                }
            }
        }

        return document;
    }

    /// <summary>The service's own document, asked for as the cluster's requests are forwarded (the same HTTP version).</summary>
    private async Task<JsonObject?> FetchAsync(ProxyRoute route, CancellationToken cancellationToken)
    {
        try
        {
            using var client = httpClients.CreateClient();
            client.Timeout = TimeSpan.FromSeconds(5);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(route.Destination, OpenApiExtensions.DocumentPath))
            {
                Version = route.HttpVersion,
                VersionPolicy = route.VersionPolicy,
            };
            using var response = await client.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            logger.LogWarning("The OpenAPI document of {Cluster} is unavailable: {Reason}", route.ClusterId, ex.Message);
            return null;
        }
    }

    public void Dispose() => building.Dispose();

    /// <summary>The route of the cluster that forwards this operation, if any.</summary>
    private static ResolvedRoute? Forwarding(IEnumerable<ResolvedRoute> routes, string path, string method)
    {
        // A sample request path: every {parameter} of the operation's path stands for one segment.
        var sample = string.Join('/', path.Split('/').Select(s => s.StartsWith('{') ? "x" : s));
        foreach (var route in routes)
        {
            var matcher = new TemplateMatcher(TemplateParser.Parse(route.Pattern), []);
            if (matcher.TryMatch(sample, []) && (route.Methods.Count == 0 || route.Methods.Contains(method, StringComparer.OrdinalIgnoreCase)))
            {
                return route;
            }
        }

        return null;
    }
}
