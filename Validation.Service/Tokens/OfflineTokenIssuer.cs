using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Platform.Validation.Cache;

namespace Platform.Validation.Tokens;

/// <summary>
/// Signed license tokens for offline use, in JWS compact form (RFC 7515, EdDSA per RFC 8037):
/// <c>base64url(header) "." base64url(payload) "." base64url(Ed25519 signature over the first two parts)</c>.
/// The header is <c>{"alg":"EdDSA","typ":"license+jws","kid":"…"}</c>; the payload is canonical JSON, described
/// in the README (members in a fixed order, no whitespace, times in whole UTC seconds, features sorted).
/// </summary>
internal sealed class OfflineTokenIssuer(SigningKeyRing keys)
{
    private static readonly JsonWriterOptions Canonical = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public OfflineToken Issue(CachedLicense license, string? machine, string? domain, DateTimeOffset now)
    {
        var issuedAt = TruncateToSeconds(now);
        var offlineUntil = issuedAt.AddSeconds(Math.Max(0, license.OfflineGraceSeconds));
        var key = keys.Active;

        var header = Encode(w =>
        {
            w.WriteString("alg", "EdDSA");
            w.WriteString("typ", "license+jws");
            w.WriteString("kid", key.Id);
        });
        var payload = Encode(w =>
        {
            w.WriteNumber("v", 1);
            w.WriteString("licenseId", license.LicenseId);
            w.WriteString("productId", license.ProductId);
            WriteNullable(w, "plan", license.View.Plan);
            w.WriteStartArray("features");
            foreach (var feature in license.View.Features.Order(StringComparer.Ordinal))
            {
                w.WriteStringValue(feature);
            }

            w.WriteEndArray();
            WriteNullable(w, "machine", machine);
            WriteNullable(w, "domain", domain);
            WriteNullable(w, "expiresAt", license.ExpiresAt is { } e ? Time(TruncateToSeconds(e)) : null);
            w.WriteString("issuedAt", Time(issuedAt));
            w.WriteString("offlineUntil", Time(offlineUntil));
        });

        var signingInput = WebEncoders.Base64UrlEncode(header) + "." + WebEncoders.Base64UrlEncode(payload);
        var signature = key.Sign(Encoding.ASCII.GetBytes(signingInput));
        return new OfflineToken(signingInput + "." + WebEncoders.Base64UrlEncode(signature), key.Id, offlineUntil);
    }

    private static byte[] Encode(Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Canonical))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
