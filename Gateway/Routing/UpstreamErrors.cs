using System.Net.Sockets;
using Platform.ServiceDefaults.Errors;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Routing;

/// <summary>
/// The last step before YARP's forwarder: when forwarding fails before the answer has begun, the client gets the
/// platform's error format with a stable code, not YARP's bare status. 503 <c>SERVICE_UNAVAILABLE</c> when the service
/// cannot be reached, 504 <c>GATEWAY_TIMEOUT</c> when it does not answer in time, 502 <c>BAD_GATEWAY</c> when it answers
/// badly, 413 <c>PAYLOAD_TOO_LARGE</c> when the client's body exceeds the route's limit.
/// </summary>
internal sealed class UpstreamErrors(RequestDelegate next, ILogger<UpstreamErrors> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var forwarding = next(context);
        return forwarding.IsCompletedSuccessfully && context.GetForwarderErrorFeature() is null ? Task.CompletedTask : AnswerAsync(context, forwarding);
    }

    private async Task AnswerAsync(HttpContext context, Task forwarding)
    {
        await forwarding;
        if (context.GetForwarderErrorFeature() is not { } failure || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (Describe(failure) is not var (status, code, message))
        {
            return;
        }

        var cluster = context.GetReverseProxyFeature().Cluster?.Config.ClusterId;
        logger.LogWarning("Forwarding {Method} {Path} to {Cluster} failed ({Error}) with {Status}: {Reason}",
            context.Request.Method, context.Request.Path, cluster, failure.Error, status, failure.Exception?.Message);
        if (failure.Error is ForwarderError.RequestBodyClient)
        {
            // What is left of the client's body is not read; the connection closes after the answer.
            context.Response.Headers.Connection = "close";
        }

        context.Response.Headers.Remove("Content-Length");
        await ApiErrorWriter.WriteAsync(context, status, code, message);
    }

    private static (int Status, string Code, string Message)? Describe(IForwarderErrorFeature failure) => failure.Error switch
    {
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled => null,
        ForwarderError.RequestBodyClient when failure.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ||
                                              failure.Exception?.InnerException is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "The request body exceeds this route's limit."),
        ForwarderError.RequestBodyClient => (StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The request body could not be read."),
        ForwarderError.RequestTimedOut => (StatusCodes.Status504GatewayTimeout, ErrorCodes.GatewayTimeout, "The service did not answer in time."),
        ForwarderError.NoAvailableDestinations => Unavailable,
        ForwarderError.Request when IsConnectionFailure(failure.Exception) => Unavailable,
        _ => (StatusCodes.Status502BadGateway, ErrorCodes.BadGateway, "The service answered badly."),
    };

    private static readonly (int, string, string) Unavailable =
        (StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "The service is unavailable; try again shortly.");

    private static bool IsConnectionFailure(Exception? ex) =>
        ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } or HttpRequestException { InnerException: SocketException };
}
