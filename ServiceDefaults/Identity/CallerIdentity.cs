using System.Text.Json.Serialization;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Who is calling, as the Gateway authenticated it: the tenant, the environment its key belongs to
/// (<c>live</c> or <c>test</c>), the key's scopes and the tenant's plan; for a portal session (scope <c>portal</c>)
/// also the customer (their e-mail address), whose own licenses are all such a caller may see. Services receive it signed in
/// <see cref="IdentityToken.HeaderName"/> and trust nothing else.
/// </summary>
public sealed record CallerIdentity(
    [property: JsonPropertyName("tenant")] string TenantId,
    [property: JsonPropertyName("env")] string Environment,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes,
    [property: JsonPropertyName("key")] string KeyId,
    [property: JsonPropertyName("plan")] string Plan,
    [property: JsonPropertyName("customer")] string? Customer = null)
{
    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    // Binding runs before endpoint filters, so it cannot wait for RequireCallerIdentity to verify; it gets
    // this stand-in when verification fails, and the filter answers 401 before any handler sees it.
    private static readonly CallerIdentity Unverified = new("", "", [], "", "");

    /// <summary>Minimal-API binding: a handler parameter of this type receives the verified caller.</summary>
    public static ValueTask<CallerIdentity?> BindAsync(HttpContext context) => ValueTask.FromResult<CallerIdentity?>(Resolve(context) ?? Unverified);

    /// <summary>The caller of this request, verified from its signed header once and remembered; null when it is missing or invalid.</summary>
    public static CallerIdentity? Resolve(HttpContext context)
    {
        if (context.Features.Get<Verification>() is { } done)
        {
            return done.Identity;
        }

        var verifier = context.RequestServices.GetRequiredService<IdentityVerifier>();
        var identity = verifier.Verify(context.Request.Headers[IdentityToken.HeaderName], DateTimeOffset.UtcNow);
        context.Features.Set(new Verification(identity));
        return identity;
    }

    private sealed record Verification(CallerIdentity? Identity);
}
