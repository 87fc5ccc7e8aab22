using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Options;
using Platform.Gateway.Routing;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Gateway.OpenApi;

/// <summary>
/// The public OpenAPI document: every operation the services describe (at <see cref="OpenApiExtensions.DocumentPath"/>)
/// that a Gateway route forwards, with the Gateway's own answers (401, 403, 413, 429, 503, 504) added, the bearer
/// security scheme, and schemas merged (renamed with the service's name where two services use one name differently).
/// Rebuilt at most every <see cref="CacheDuration"/>; a service that cannot be reached is left out until it can.
/// </summary>
internal sealed class PublicApiDocument(IProxyStateLookup proxy, IOptions<GatewayOptions> options,
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
        var routes = proxy.GetRoutes().Where(r => r.Config.ClusterId is not null).ToList();
        var document = OpenApiSkeleton.Create(options.Value.CurrentApiVersion);
        var paths = document["paths"]!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var cluster in routes.GroupBy(r => r.Config.ClusterId!))
        {
            if (!proxy.TryGetCluster(cluster.Key, out var state) || await FetchAsync(state, cancellationToken) is not { } upstream)
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
                        target[method] = OpenApiSkeleton.WithGatewayAnswers(op.DeepClone().AsObject(), RouteAccess.For(route.Config));
                    }
                }
            }
        }

        return document;
    }

    /// <summary>The service's own document, asked for through the cluster's own client and HTTP version, as its requests are forwarded.</summary>
    private async Task<JsonObject?> FetchAsync(ClusterState cluster, CancellationToken cancellationToken)
    {
        var model = cluster.Model;
        try
        {
            if (cluster.DestinationsState.AllDestinations is not [var destination, ..])
            {
                throw new HttpRequestException("the cluster has no destination");
            }

            var httpRequest = model.Config.HttpRequest;
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(destination.Model.Config.Address), OpenApiExtensions.DocumentPath))
            {
                Version = httpRequest?.Version ?? System.Net.HttpVersion.Version11,
                VersionPolicy = httpRequest?.VersionPolicy ?? HttpVersionPolicy.RequestVersionOrLower,
            };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await model.HttpClient.SendAsync(request, timeout.Token);
            response.EnsureSuccessStatusCode();
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token)) as JsonObject;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException)
        {
            logger.LogWarning("The OpenAPI document of {Cluster} is unavailable: {Reason}", cluster.ClusterId, ex.Message);
            return null;
        }
    }

    public void Dispose() => building.Dispose();

    /// <summary>The route of the cluster that forwards this operation, if any.</summary>
    private static RouteModel? Forwarding(IEnumerable<RouteModel> routes, string path, string method)
    {
        // A sample request path: every {parameter} of the operation's path stands for one segment.
        var sample = string.Join('/', path.Split('/').Select(s => s.StartsWith('{') ? "x" : s));
        foreach (var route in routes)
        {
            var match = route.Config.Match;
            var matcher = new TemplateMatcher(TemplateParser.Parse(match.Path ?? "/{**rest}"), []);
            // A route that also matches on headers is an alternate of a path another route documents (a deprecated alias).
            if (match.Headers is { Count: > 0 })
            {
                continue;
            }

            if (matcher.TryMatch(sample, []) && (match.Methods is not { Count: > 0 } methods || methods.Contains(method, StringComparer.OrdinalIgnoreCase)))
            {
                return route;
            }
        }

        return null;
    }
}
