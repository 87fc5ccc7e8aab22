using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace LicensePlatform.Client;

/// <summary>
/// Checks an offline token (a compact JWS, <c>EdDSA</c>) against the platform's key set: the key named by the header's
/// <c>kid</c> must verify the signature over the bytes received. Only the signature is checked here; the times are the
/// caller's to compare with the clock.
/// </summary>
public static class OfflineTokenVerifier
{
    /// <summary>The key id a token's header names, or null for text that is no token.</summary>
    public static string? KeyIdOf(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && TryDecode(token.AsSpan(0, dot), out var header) && Header(header) is { Alg: "EdDSA" } h ? h.Kid : null;
    }

    /// <summary>Verifies the token's signature with the key of <paramref name="keys"/> it names, and reads its claims.</summary>
    public static bool TryVerify(string token, SigningKeySet keys, [NotNullWhen(true)] out OfflineTokenClaims? claims)
    {
        claims = null;
        var parts = token.Split('.');
        if (parts.Length != 3 || !TryDecode(parts[0], out var headerBytes) || !TryDecode(parts[1], out var payload) || !TryDecode(parts[2], out var signature))
        {
            return false;
        }

        if (Header(headerBytes) is not { Alg: "EdDSA", Kid: { } kid } || keys.Find(kid) is not { Kty: "OKP", Crv: "Ed25519" } key
            || !TryDecode(key.X, out var publicKey))
        {
            return false;
        }

        var signed = Encoding.ASCII.GetBytes(token, 0, parts[0].Length + 1 + parts[1].Length);
        if (!Ed25519Signature.Verify(publicKey, signed, signature))
        {
            return false;
        }

        try
        {
            var body = JsonSerializer.Deserialize<Payload>(payload, PlatformHttp.Json);
            if (body is not { V: 1, LicenseId: { } licenseId, ProductId: { } productId, IssuedAt: { } issuedAt, OfflineUntil: { } offlineUntil })
            {
                return false;
            }

            claims = new OfflineTokenClaims(licenseId, productId, body.Plan, body.Features ?? [], body.Machine, body.Domain, body.ExpiresAt, issuedAt, offlineUntil);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static TokenHeader? Header(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize<TokenHeader>(json, PlatformHttp.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryDecode(ReadOnlySpan<char> base64Url, out byte[] bytes)
    {
        bytes = [];
        if (base64Url.Length is 0 or > 16_384)
        {
            return false;
        }

        var padded = new char[(base64Url.Length + 3) / 4 * 4];
        for (var i = 0; i < padded.Length; i++)
        {
            padded[i] = i >= base64Url.Length ? '=' : base64Url[i] switch
            {
                '-' => '+',
                '_' => '/',
                '+' or '/' or '=' => '!',
                var c => c,
            };
        }

        try
        {
            bytes = Convert.FromBase64CharArray(padded, 0, padded.Length);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private sealed record TokenHeader(string? Alg, string? Typ, string? Kid);

    private sealed record Payload(
        int V,
        string? LicenseId,
        string? ProductId,
        string? Plan,
        string[]? Features,
        string? Machine,
        string? Domain,
        DateTimeOffset? ExpiresAt,
        DateTimeOffset? IssuedAt,
        DateTimeOffset? OfflineUntil);
}
