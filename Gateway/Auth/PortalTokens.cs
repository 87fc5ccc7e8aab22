using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Configuration;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Auth;

/// <summary>
/// Portal sessions: HS256 JWTs (issuer <see cref="Issuer"/>, audience <see cref="Audience"/>) that live at most
/// 24 hours and carry the tenant (<c>tenant</c>), environment (<c>env</c>) and customer (<c>sub</c>, an e-mail
/// address). They grant the <c>portal</c> scope only. The key is <c>Gateway:PortalTokenSecret</c> (base64, at
/// least 32 bytes), shared with whatever signs customers in.
/// </summary>
internal sealed class PortalTokens
{
    public const string SecretKey = "Gateway:PortalTokenSecret";
    public const string Issuer = "platform-portal";
    public const string Audience = "platform-api";
    public const string Scope = "portal";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly SymmetricSecurityKey key;
    private readonly TimeProvider time;

    public PortalTokens(IConfiguration configuration, TimeProvider time)
    {
        key = new SymmetricSecurityKey(ReadSecret(configuration));
        this.time = time;
    }

    /// <summary>A session token for a customer of a tenant, valid for 24 hours from <paramref name="issuedAt"/>.</summary>
    public string Issue(string tenantId, string environment, string customerEmail, DateTimeOffset issuedAt) =>
        handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + Lifetime).UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("sub", customerEmail), new Claim("tenant", tenantId), new Claim("env", environment)]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });

    /// <summary>The session's identity, or null for a token that is forged, expired, too long-lived or incomplete.</summary>
    public async Task<CallerIdentity?> ValidateAsync(string token)
    {
        var now = time.GetUtcNow();
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } exp && exp > now.UtcDateTime - ClockSkew && (notBefore ?? exp - Lifetime) <= now.UtcDateTime + ClockSkew,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        // A token minted for longer than a session lasts is refused, whoever signed it.
        if (!jwt.TryGetPayloadValue<long>("iat", out var issuedAt) || jwt.ValidTo - DateTimeOffset.FromUnixTimeSeconds(issuedAt).UtcDateTime > Lifetime)
        {
            return null;
        }

        return jwt.TryGetPayloadValue<string>("tenant", out var tenant) && tenant is { Length: > 0 } &&
               jwt.TryGetPayloadValue<string>("env", out var env) && env is "live" or "test" &&
               jwt.Subject is { Length: > 0 } customer
            ? new CallerIdentity(tenant, env, [Scope], $"portal:{customer}", Scope, customer)
            : null;
    }

    private static byte[] ReadSecret(IConfiguration configuration)
    {
        var text = configuration.GetRequiredValue(SecretKey);
        try
        {
            var secret = Convert.FromBase64String(text);
            return secret.Length >= 32 ? secret : throw new InvalidOperationException($"{SecretKey} must hold at least 32 bytes.");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{SecretKey} must be base64.");
        }
    }
}
