using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Platform.Gateway.Auth;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Proxy;

/// <summary>
/// Forwards a request to its route's upstream over one shared <see cref="SocketsHttpHandler"/>: bodies streamed both
/// ways, hop-by-hop headers dropped, <c>X-Forwarded-*</c>, <c>X-Request-Id</c> and the trace context set, the
/// caller's signed identity in place of anything the client sent under that name, client cancellation honoured.
/// </summary>
internal sealed class HttpForwarder(IOptions<GatewayOptions> options, ILogger<HttpForwarder> logger) : IDisposable
{
    public const string ApiVersionHeader = "X-API-Version";
    public const string RequestIdHeader = "X-Request-Id";

    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Host,
        HeaderNames.Authorization,
        IdentityToken.HeaderName,
        "X-Forwarded-For",
        "X-Forwarded-Proto",
        "X-Forwarded-Host",
        RequestIdHeader,
        ApiVersionHeader,
    };

    private const long SmallBody = 16 * 1024;
    private readonly TimeoutPool timeouts = new();

    private static readonly HashSet<string> TraceHeaders = new(StringComparer.OrdinalIgnoreCase) { "traceparent", "tracestate", "baggage" };

    private readonly HttpMessageInvoker invoker = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
    }, disposeHandler: true);

    /// <summary>The endpoint delegate of every proxy route.</summary>
    public static Task HandleAsync(HttpContext context) =>
        context.RequestServices.GetRequiredService<HttpForwarder>().ForwardAsync(context);

    public async Task ForwardAsync(HttpContext context)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<ProxyRoute>()
            ?? throw new InvalidOperationException("The forwarder runs only on proxy routes.");
        if (!LimitBody(context, route.MaxRequestBodySize))
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge,
                $"The request body exceeds {route.MaxRequestBodySize} bytes.");
            return;
        }

        using var request = CreateRequest(context, route);
        // Cancelled by the route's timeout or by the client going away; reused across requests.
        var timeout = timeouts.Rent();
        timeout.CancelAfter(route.ActivityTimeout);
        var clientGone = context.RequestAborted.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timeout);
        try
        {
            HttpResponseMessage response;
            try
            {
                response = await invoker.SendAsync(request, timeout.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                await AnswerFailureAsync(context, route, request.Content as RequestBodyContent, ex);
                return;
            }

            using (response)
            {
                // The timeout is for the upstream to start answering; a long download is not a timeout.
                timeout.CancelAfter(Timeout.InfiniteTimeSpan);
                await CopyResponseAsync(context, route, response);
            }
        }
        finally
        {
            await clientGone.DisposeAsync();
            timeouts.Return(timeout);
        }
    }

    private static bool LimitBody(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            return false;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        return true;
    }

    private HttpRequestMessage CreateRequest(HttpContext context, ProxyRoute route)
    {
        var incoming = context.Request;
        var request = new HttpRequestMessage(HttpMethod.Parse(incoming.Method), route.Target.For(incoming))
        {
            Version = route.HttpVersion,
            VersionPolicy = route.VersionPolicy,
        };

        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            request.Content = new RequestBodyContent(incoming);
        }

        var copyTrace = Activity.Current is null;
        foreach (var (name, values) in incoming.Headers)
        {
            if (NotForwarded.Contains(name) || HopByHopHeaders.Contains(name, incoming.Headers) || (!copyTrace && TraceHeaders.Contains(name)))
            {
                continue;
            }

            if (!AddHeader(request.Headers, name, values) && request.Content is not null)
            {
                AddHeader(request.Content.Headers, name, values);
            }
        }

        var headers = request.Headers;
        headers.TryAddWithoutValidation("X-Forwarded-For", context.Connection.RemoteIpAddress?.ToString());
        headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
        headers.TryAddWithoutValidation(RequestIdHeader, context.TraceIdentifier);
        headers.TryAddWithoutValidation(ApiVersionHeader, ApiVersion.Of(context) ?? options.Value.CurrentApiVersion);
        if (context.Features.Get<AuthenticatedCaller>() is { SignedIdentity: { } identity })
        {
            headers.TryAddWithoutValidation(IdentityToken.HeaderName, identity);
        }

        return request;
    }

    private static bool AddHeader(System.Net.Http.Headers.HttpHeaders headers, string name, Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 1 ? headers.TryAddWithoutValidation(name, values.ToString()) : headers.TryAddWithoutValidation(name, values.ToArray());

    private async Task CopyResponseAsync(HttpContext context, ProxyRoute route, HttpResponseMessage upstream)
    {
        var response = context.Response;
        response.StatusCode = (int)upstream.StatusCode;
        var connection = upstream.Headers.NonValidated.TryGetValues(HeaderNames.Connection, out var named) ? named : default;
        CopyHeaders(upstream.Headers, response.Headers, connection);
        CopyHeaders(upstream.Content.Headers, response.Headers, connection);
        response.Headers[ApiVersionHeader] = ApiVersion.Of(context) ?? options.Value.CurrentApiVersion;
        if (route.Sunset is { } sunset)
        {
            response.Headers["Sunset"] = sunset;
            response.Headers["Deprecation"] = "true";
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var aborted = context.RequestAborted;
        try
        {
            // A body of unknown or large size: the headers go out now, so the client sees the answer begin while the
            // body is still coming. A small one goes out with its headers in one write.
            if (upstream.Content.Headers.ContentLength is not <= SmallBody)
            {
                await response.StartAsync(aborted);
            }

            await using var body = await upstream.Content.ReadAsStreamAsync(aborted);
            await body.CopyToAsync(response.Body, 64 * 1024, aborted);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
        {
            // The status has been sent; all that is left is to tell the client the body is incomplete.
            if (!aborted.IsCancellationRequested)
            {
                logger.LogWarning("Upstream {Cluster} broke off the response body of {Path}: {Reason}", route.ClusterId, context.Request.Path, ex.Message);
            }

            context.Abort();
        }
    }

    private static void CopyHeaders(System.Net.Http.Headers.HttpHeaders from, IHeaderDictionary to, System.Net.Http.Headers.HeaderStringValues connection)
    {
        foreach (var (name, values) in from.NonValidated)
        {
            if (HopByHopHeaders.Contains(name, connection) || name.Equals(RequestIdHeader, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            to[name] = values.Count == 1 ? values.ToString() : values.ToArray();
        }
    }

    private async Task AnswerFailureAsync(HttpContext context, ProxyRoute route, RequestBodyContent? body, Exception ex)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (body is { TooLarge: true })
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge,
                $"The request body exceeds {route.MaxRequestBodySize} bytes.");
            return;
        }

        var (status, code, message) = ex switch
        {
            OperationCanceledException => (StatusCodes.Status504GatewayTimeout, ErrorCodes.GatewayTimeout, "The service did not answer in time."),
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } or HttpRequestException { InnerException: SocketException } =>
                (StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "The service is unavailable; try again shortly."),
            _ => (StatusCodes.Status502BadGateway, ErrorCodes.BadGateway, "The service answered badly."),
        };
        logger.LogWarning("Forwarding {Method} {Path} to {Cluster} failed with {Status}: {Reason}",
            context.Request.Method, context.Request.Path, route.ClusterId, status, ex.Message);
        await WriteErrorAsync(context, status, code, message);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return Task.CompletedTask;
        }

        // A body the client is still sending is not read; the connection closes after the answer.
        context.Response.Headers.Connection = "close";
        return ApiErrorWriter.WriteAsync(context, status, code, message);
    }

    public void Dispose() => invoker.Dispose();
}
