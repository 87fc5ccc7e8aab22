namespace Platform.Gateway.Routing;

/// <summary>
/// Gives every request an <c>X-Request-Id</c>: the client's, when it is a sensible token, otherwise a new one. It is the
/// request's <see cref="HttpContext.TraceIdentifier"/>, goes to the upstream and comes back on the answer.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Request-Id";

    public Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[Header];
        var id = given.Count == 1 && IsSensible(given.ToString()) ? given.ToString() : RequestIds.Next();
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        return next(context);
    }

    private static bool IsSensible(string id) =>
        id.Length is > 0 and <= 128 && id.All(c => c is > ' ' and < (char)127);
}
