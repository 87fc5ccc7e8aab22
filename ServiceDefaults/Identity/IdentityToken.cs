using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// The signed form of a <see cref="CallerIdentity"/> between the Gateway and the services:
/// <c>v1.{base64url(json)}.{base64url(HMAC-SHA256(secret, "v1." + payload))}</c>, where the JSON also
/// holds an expiry (<c>exp</c>, unix seconds). The secret is shared by the Gateway and the services only
/// (the AppHost generates it); a forged, altered or expired token is refused.
/// </summary>
public static class IdentityToken
{
    public const string HeaderName = "X-Platform-Identity";
    private const string Version = "v1";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static string Sign(CallerIdentity identity, byte[] secret, DateTimeOffset now)
    {
        var envelope = new Envelope(identity, (now + Lifetime).ToUnixTimeSeconds());
        var payload = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(envelope));
        return $"{Version}.{payload}.{WebEncoders.Base64UrlEncode(Mac(secret, payload))}";
    }

    public static CallerIdentity? Verify(string? token, byte[] secret, DateTimeOffset now) => Verify(token, secret, now, out _);

    /// <summary>As <see cref="Verify(string?, byte[], DateTimeOffset)"/>, also giving the token's expiry (unix seconds; 0 when refused).</summary>
    public static CallerIdentity? Verify(string? token, byte[] secret, DateTimeOffset now, out long expires)
    {
        expires = 0;
        var parts = token?.Split('.');
        if (parts is not [Version, var payload, var signature] || payload.Length > 4096)
        {
            return null;
        }

        try
        {
            if (!CryptographicOperations.FixedTimeEquals(Mac(secret, payload), WebEncoders.Base64UrlDecode(signature)))
            {
                return null;
            }

            var envelope = JsonSerializer.Deserialize<Envelope>(WebEncoders.Base64UrlDecode(payload));
            if (envelope is not { Identity: { TenantId.Length: > 0 } identity } || envelope.Expires <= now.ToUnixTimeSeconds())
            {
                return null;
            }

            expires = envelope.Expires;
            return identity;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    private static byte[] Mac(byte[] secret, string payload) => HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"{Version}.{payload}"));

    private sealed record Envelope(
        [property: System.Text.Json.Serialization.JsonPropertyName("id")] CallerIdentity Identity,
        [property: System.Text.Json.Serialization.JsonPropertyName("exp")] long Expires);
}
