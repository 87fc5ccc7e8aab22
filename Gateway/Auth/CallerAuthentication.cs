using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.Gateway.Routing;
using Platform.Gateway.RateLimiting;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Auth;

/// <summary>
/// Establishes who calls a route, in YARP's pipeline, as its <see cref="RouteAccess"/> demands: an API key
/// (<c>Bearer to_live_…</c> / <c>to_test_…</c>) resolved through Licensing, or a portal JWT; none on public routes
/// (limited per client address). Refusals: 401 <c>AUTH_REQUIRED</c>, 401 <c>INVALID_API_KEY</c>, 403
/// <c>INVALID_TOKEN</c>, 403 <c>FORBIDDEN</c> for a scope the route does not admit, 503 when Licensing cannot answer.
/// </summary>
internal sealed class CallerAuthentication(
    RequestDelegate next, ApiKeyCache keys, IOptions<RateLimitOptions> limits, ILogger<CallerAuthentication> logger)
{
    public const string InvalidApiKey = "INVALID_API_KEY";
    public const string InvalidToken = "INVALID_TOKEN";

    /// <summary>Without an async frame of its own when the caller is known at once (an anonymous route, a cached key).</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RouteAccess>() is not { } route)
        {
            return next(context);
        }

        if (!ApiVersion.IsWellFormed(context))
        {
            return ApiErrorWriter.WriteAsync(context, StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, "X-API-Version must be a date, YYYY-MM-DD.");
        }

        // CORS preflights of the routes open to browsers never get here: the CORS middleware answers them.
        if (route.Policy == RouteAccess.Anonymous)
        {
            return next(context);
        }

        var authentication = AuthenticateAsync(context, route);
        return authentication.IsCompletedSuccessfully ? Continue(context, authentication.Result) : ContinueAsync(context, authentication);
    }

    private Task Continue(HttpContext context, Refusal? refusal) =>
        refusal is { } error ? ApiErrorWriter.WriteAsync(context, error.Status, error.Code, error.Message) : next(context);

    private async Task ContinueAsync(HttpContext context, ValueTask<Refusal?> authentication) =>
        await Continue(context, await authentication);

    private async ValueTask<Refusal?> AuthenticateAsync(HttpContext context, RouteAccess route)
    {
        var authorization = context.Request.Headers.Authorization;
        if (authorization.Count == 0)
        {
            if (route.Policy != RouteAccess.Public)
            {
                return new(StatusCodes.Status401Unauthorized, ErrorCodes.AuthRequired, "Send an API key: Authorization: Bearer to_live_… or to_test_….");
            }

            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            context.Features.Set(new AuthenticatedCaller(null, null, new RatePartition($"ip:{address}", limits.Value.AnonymousPerMinute)));
            return null;
        }

        var value = authorization.ToString();
        if (authorization.Count != 1 || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || value.Length <= 7)
        {
            return new(StatusCodes.Status401Unauthorized, ErrorCodes.AuthRequired, "The Authorization header must be 'Bearer <API key or token>'.");
        }

        var credential = value.AsSpan(7).Trim().ToString();
        AuthenticatedCaller caller;
        if (credential.StartsWith("to_live_", StringComparison.Ordinal) || credential.StartsWith("to_test_", StringComparison.Ordinal))
        {
            ResolvedApiKey? key;
            try
            {
                key = await keys.ResolveAsync(credential, ApiKeyDigest.For(context, credential));
            }
            catch (LicensingUnavailableException ex)
            {
                logger.LogWarning("API key lookup failed: {Reason}", ex.InnerException?.Message);
                return new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "API keys cannot be checked right now; try again shortly.");
            }

            if (key is null)
            {
                return new(StatusCodes.Status401Unauthorized, InvalidApiKey, "The API key is not valid or has been revoked.");
            }

            caller = new AuthenticatedCaller(key.Identity, key.SignedIdentity, key.PartitionUnder(limits.Value));
        }
        else if (credential.Count(c => c == '.') == 2)
        {
            // The JwtBearer handler reads the token from the same Authorization header.
            var result = await context.AuthenticateAsync(PortalTokens.Scheme);
            if (!result.Succeeded || PortalTokens.IdentityOf(result.Principal) is not { } session)
            {
                return new(StatusCodes.Status403Forbidden, InvalidToken, "The session token is not valid or has expired.");
            }

            var signed = IdentityToken.Sign(session, context.RequestServices.GetRequiredService<IdentitySecret>().Value, DateTimeOffset.UtcNow);
            caller = new AuthenticatedCaller(session, signed, new RatePartition($"portal:{session.TenantId}:{session.Customer}", limits.Value.PortalPerMinute));
        }
        else
        {
            return new(StatusCodes.Status401Unauthorized, InvalidApiKey, "The API key is not valid or has been revoked.");
        }

        if (!route.Admits(caller.Identity!.Scopes))
        {
            return new(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden,
                $"This credential lacks the scope this route needs ({string.Join(" or ", route.Scopes)}).");
        }

        context.Features.Set(caller);
        return null;
    }

    private readonly record struct Refusal(int Status, string Code, string Message);
}
