using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Configuration;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Auth;

/// <summary>
/// Portal sessions: HS256 JWTs (issuer <see cref="Issuer"/>, audience <see cref="Audience"/>) that live at most
/// 24 hours and carry the tenant (<c>tenant</c>), environment (<c>env</c>) and customer (<c>sub</c>, an e-mail
/// address), checked by ASP.NET Core's JwtBearer handler under the <see cref="Scheme"/> scheme. They grant the
/// <c>portal</c> scope only. The key is <c>Gateway:PortalTokenSecret</c> (base64, at least 32 bytes), shared with
/// whatever signs customers in; clocks may differ by <c>Gateway:PortalTokenClockSkew</c> (default 5 s, at most 30 s).
/// </summary>
internal sealed class PortalTokens
{
    public const string Scheme = "portal";
    public const string SecretKey = "Gateway:PortalTokenSecret";
    public const string ClockSkewKey = "Gateway:PortalTokenClockSkew";
    public const string Issuer = "platform-portal";
    public const string Audience = "platform-api";
    public const string Scope = "portal";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(30);

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly SymmetricSecurityKey key;
    private readonly TimeSpan clockSkew;

    public PortalTokens(IConfiguration configuration)
    {
        key = new SymmetricSecurityKey(ReadSecret(configuration));
        clockSkew = configuration.GetValue(ClockSkewKey, TimeSpan.FromSeconds(5));
        if (clockSkew < TimeSpan.Zero || clockSkew > MaxClockSkew)
        {
            throw new InvalidOperationException($"{ClockSkewKey} must be between 0 and {MaxClockSkew.TotalSeconds} s.");
        }
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

    /// <summary>The JwtBearer handler's settings: HS256 with the shared key only, expiry required, the Gateway's skew, at most 24 h from issue.</summary>
    public void Configure(JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = clockSkew,
        };
        options.Events = new JwtBearerEvents
        {
            // A token minted for longer than a session lasts is refused, whoever signed it.
            OnTokenValidated = context =>
            {
                if (context.SecurityToken is not JsonWebToken jwt || !jwt.TryGetPayloadValue<long>("iat", out var issuedAt)
                    || jwt.ValidTo - DateTimeOffset.FromUnixTimeSeconds(issuedAt).UtcDateTime > Lifetime)
                {
                    context.Fail("The token lives longer than a portal session (24 h) or says not when it was issued.");
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>The session's identity from a principal the handler validated, or null when a claim is missing.</summary>
    public static CallerIdentity? IdentityOf(ClaimsPrincipal principal) =>
        principal.FindFirst("tenant")?.Value is { Length: > 0 } tenant &&
        principal.FindFirst("env")?.Value is ("live" or "test") and var environment &&
        principal.FindFirst("sub")?.Value is { Length: > 0 } customer
            ? new CallerIdentity(tenant, environment, [Scope], $"portal:{customer}", Scope, customer)
            : null;

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
