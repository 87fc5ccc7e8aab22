using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Platform.Gateway.Auth;
using Platform.ServiceDefaults.Identity;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Platform.Gateway.Routing;

/// <summary>
/// What the Gateway changes on every forwarded request and answer, besides YARP's defaults (hop-by-hop headers dropped,
/// <c>X-Forwarded-*</c> set, the trace context propagated): the client's credentials and anything it sent as a signed
/// identity are removed, the caller's signed identity is added, and <c>X-Request-Id</c> and <c>X-API-Version</c> go
/// both ways; answers of a deprecated route say so (<see cref="RouteDeprecation"/>).
/// </summary>
internal sealed class GatewayTransforms(IOptions<GatewayOptions> options) : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        var deprecation = RouteAccess.For(context.Route).Deprecation;
        var currentVersion = options.Value.CurrentApiVersion;
        context.AddRequestHeaderRemove(HeaderNames.Authorization);
        context.AddRequestTransform(transform =>
        {
            var http = transform.HttpContext;
            var headers = transform.ProxyRequest.Headers;
            foreach (var name in ConnectionOptions(http.Request.Headers.Connection))
            {
                headers.Remove(name);
            }

            headers.Remove(IdentityToken.HeaderName);
            headers.Remove(RequestIdMiddleware.Header);
            headers.Remove(ApiVersion.Header);
            headers.TryAddWithoutValidation(RequestIdMiddleware.Header, http.TraceIdentifier);
            headers.TryAddWithoutValidation(ApiVersion.Header, ApiVersion.Of(http) ?? currentVersion);
            if (http.Features.Get<AuthenticatedCaller>() is { SignedIdentity: { } identity })
            {
                headers.TryAddWithoutValidation(IdentityToken.HeaderName, identity);
            }

            return ValueTask.CompletedTask;
        });
        context.AddResponseTransform(transform =>
        {
            var http = transform.HttpContext;
            var headers = http.Response.Headers;
            if (transform.ProxyResponse?.Headers.NonValidated.TryGetValues(HeaderNames.Connection, out var connection) == true)
            {
                foreach (var name in ConnectionOptions(connection))
                {
                    headers.Remove(name);
                }
            }

            headers[RequestIdMiddleware.Header] = http.TraceIdentifier;
            headers[ApiVersion.Header] = ApiVersion.Of(http) ?? currentVersion;
            deprecation?.WriteTo(http);

            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// The headers a message's <c>Connection</c> header names, hop-by-hop too (RFC 9110 §7.6.1); YARP drops only the
    /// standard ones.
    /// </summary>
    private static IEnumerable<string> ConnectionOptions(IEnumerable<string?> connection) =>
        connection.SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
