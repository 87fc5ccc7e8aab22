using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// The signed envelope both kinds of credential between the platform's services use:
/// <c>{kind}.{base64url(json)}.{base64url(HMAC-SHA256(secret, kind + "." + payload))}</c>, where the JSON holds the body,
/// when it was issued (<c>iat</c>) and when it expires (<c>exp</c>, unix seconds). The kind is part of what is signed, so a
/// token of one kind never verifies as another. A receiver refuses a token that has expired, that was issued in the future
/// (beyond <see cref="ClockSkew"/>), or whose lifetime is longer than <see cref="MaxLifetime"/>: a captured token is
/// good for five minutes at most, whatever expiry its signer wrote into it.
/// </summary>
internal static class SignedToken
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    private const int MaxPayloadLength = 4096;

    public static string Sign<T>(string kind, T body, byte[] secret, DateTimeOffset issued, TimeSpan lifetime)
    {
        var envelope = new Envelope<T>(body, issued.ToUnixTimeSeconds(), (issued + lifetime).ToUnixTimeSeconds());
        var payload = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(envelope));
        return $"{kind}.{payload}.{WebEncoders.Base64UrlEncode(Mac(secret, kind, payload))}";
    }

    /// <summary>The body of a valid token of <paramref name="kind"/>, with its expiry (unix seconds); null when refused.</summary>
    public static T? Verify<T>(string kind, string? token, byte[] secret, DateTimeOffset now, out long expires) where T : class
    {
        expires = 0;
        var parts = token?.Split('.');
        if (parts is not [var tokenKind, var payload, var signature] || tokenKind != kind || payload.Length > MaxPayloadLength)
        {
            return null;
        }

        try
        {
            if (!CryptographicOperations.FixedTimeEquals(Mac(secret, kind, payload), WebEncoders.Base64UrlDecode(signature)))
            {
                return null;
            }

            var envelope = JsonSerializer.Deserialize<Envelope<T>>(WebEncoders.Base64UrlDecode(payload));
            var seconds = now.ToUnixTimeSeconds();
            if (envelope is not { Body: { } body }
                || envelope.Expires <= seconds
                || envelope.IssuedAt > seconds + (long)ClockSkew.TotalSeconds
                || envelope.Expires - envelope.IssuedAt > (long)MaxLifetime.TotalSeconds)
            {
                return null;
            }

            expires = envelope.Expires;
            return body;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    private static byte[] Mac(byte[] secret, string kind, string payload) => HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"{kind}.{payload}"));

    private sealed record Envelope<T>(
        [property: JsonPropertyName("id")] T Body,
        [property: JsonPropertyName("iat")] long IssuedAt,
        [property: JsonPropertyName("exp")] long Expires);
}
