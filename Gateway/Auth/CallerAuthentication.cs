using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.Gateway.Routing;
using Platform.Gateway.RateLimiting;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Auth;

/// <summary>
/// Establishes who calls a route, in YARP's pipeline, as its <see cref="RouteAccess"/> demands, and counts the request
/// against its rate limit: an API key (<c>Bearer to_live_…</c> / <c>to_test_…</c>) resolved through Licensing, or a
/// portal JWT; none on public routes (limited per client address). Refusals: 401 <c>AUTH_REQUIRED</c>, 401
/// <c>INVALID_API_KEY</c>, 403 <c>INVALID_TOKEN</c> (each counted against the client address), 403 <c>FORBIDDEN</c>
/// for a scope the route does not admit (counted against the credential), 503 when Licensing cannot answer (not counted).
/// </summary>
internal sealed class CallerAuthentication(
    RequestDelegate next, ApiKeyCache keys, CallerRateLimits rateLimits, IOptions<RateLimitOptions> limits, IOptions<GatewayOptions> gateway,
    ILogger<CallerAuthentication> logger)
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

        if (ApiVersion.Problem(context, gateway.Value.ApiVersions) is { } versionProblem)
        {
            return ApiErrorWriter.WriteAsync(context, StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, versionProblem);
        }

        // CORS preflights of the routes open to browsers never get here: the CORS middleware answers them.
        if (route.Policy == RouteAccess.Anonymous)
        {
            return next(context);
        }

        var authentication = AuthenticateAsync(context, route);
        return authentication.IsCompletedSuccessfully ? Continue(context, authentication.Result) : ContinueAsync(context, authentication);
    }

    private Task Continue(HttpContext context, Outcome outcome)
    {
        if (outcome.CountedAgainst is { } partition && rateLimits.Refuse(context, partition) is { } limited)
        {
            return limited;
        }

        if (outcome.Refusal is { } refusal)
        {
            return ApiErrorWriter.WriteAsync(context, refusal.Status, refusal.Code, refusal.Message);
        }

        context.Features.Set(outcome.Caller);
        return next(context);
    }

    private async Task ContinueAsync(HttpContext context, ValueTask<Outcome> authentication) =>
        await Continue(context, await authentication);

    private async ValueTask<Outcome> AuthenticateAsync(HttpContext context, RouteAccess route)
    {
        var authorization = context.Request.Headers.Authorization;
        if (authorization.Count == 0)
        {
            return route.Policy == RouteAccess.Public
                ? Outcome.Admit(new AuthenticatedCaller(null, null, AddressOf(context)))
                : Outcome.Refuse(AddressOf(context), StatusCodes.Status401Unauthorized, ErrorCodes.AuthRequired, "Send an API key: Authorization: Bearer to_live_… or to_test_….");
        }

        var value = authorization.ToString();
        if (authorization.Count != 1 || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || value.Length <= 7)
        {
            return Outcome.Refuse(AddressOf(context), StatusCodes.Status401Unauthorized, ErrorCodes.AuthRequired, "The Authorization header must be 'Bearer <API key or token>'.");
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
                return Outcome.Refuse(null, StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "API keys cannot be checked right now; try again shortly.");
            }

            if (key is null)
            {
                return Outcome.Refuse(AddressOf(context), StatusCodes.Status401Unauthorized, InvalidApiKey, "The API key is not valid or has been revoked.");
            }

            caller = new AuthenticatedCaller(key.Identity, key.SignedIdentity, key.PartitionUnder(limits.Value));
        }
        else if (credential.Count(c => c == '.') == 2)
        {
            // The JwtBearer handler reads the token from the same Authorization header.
            var result = await context.AuthenticateAsync(PortalTokens.Scheme);
            if (!result.Succeeded || PortalTokens.IdentityOf(result.Principal) is not { } session)
            {
                return Outcome.Refuse(AddressOf(context), StatusCodes.Status403Forbidden, InvalidToken, "The session token is not valid or has expired.");
            }

            var signed = IdentityToken.Sign(session, context.RequestServices.GetRequiredService<IdentitySecret>().Value, DateTimeOffset.UtcNow);
            caller = new AuthenticatedCaller(session, signed, limits.Value.ForPortalSession(session.TenantId, session.Customer ?? ""));
        }
        else
        {
            return Outcome.Refuse(AddressOf(context), StatusCodes.Status401Unauthorized, InvalidApiKey, "The API key is not valid or has been revoked.");
        }

        return route.Admits(caller.Identity!.Scopes)
            ? Outcome.Admit(caller)
            : Outcome.Refuse(caller.Partition, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden,
                $"This credential lacks the scope this route needs ({string.Join(" or ", route.Scopes)}).");
    }

    /// <summary>The client address's partition: keyless calls and refused credentials count against it.</summary>
    private RatePartition AddressOf(HttpContext context) =>
        limits.Value.ForAddress(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>The caller, or why it is refused; either way what the request counts against (null: nothing).</summary>
    private readonly record struct Outcome(AuthenticatedCaller? Caller, Refusal? Refusal, RatePartition? CountedAgainst)
    {
        public static Outcome Admit(AuthenticatedCaller caller) => new(caller, null, caller.Partition);

        public static Outcome Refuse(RatePartition? countedAgainst, int status, string code, string message) =>
            new(null, new Refusal(status, code, message), countedAgainst);
    }

    private sealed record Refusal(int Status, string Code, string Message);
}
