using Platform.ServiceDefaults.Errors;

namespace Platform.Gateway.Routing;

/// <summary>
/// Refuses a path and query longer than <see cref="MaxLength"/> with 414 <c>URI_TOO_LONG</c> in the error format. The
/// services behind the Gateway keep Kestrel's 8 KB request line, and Kestrel's own 414 has no body: so the Gateway
/// reads lines up to <see cref="KestrelLineLimit"/> and answers the long ones itself before forwarding anything. It
/// measures the path as it is forwarded (escaped again from the decoded path, as YARP does), not as the client sent
/// it: raw non-ASCII characters grow up to nine-fold when escaped.
/// </summary>
internal sealed class RequestTargetLimit(RequestDelegate next)
{
    public const int MaxLength = 8_000;
    public const int KestrelLineLimit = 128 * 1024;

    public Task InvokeAsync(HttpContext context) =>
        context.Request.Path.ToUriComponent().Length + (context.Request.QueryString.Value?.Length ?? 0) <= MaxLength
            ? next(context)
            : ApiErrorWriter.WriteAsync(context, StatusCodes.Status414UriTooLong, ErrorCodes.UriTooLong,
                $"The path and query are longer than {MaxLength} characters; send long values in a POST body.");
}
