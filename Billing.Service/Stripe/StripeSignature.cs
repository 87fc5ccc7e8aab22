using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Billing.Stripe;

/// <summary>What checking a <c>Stripe-Signature</c> header found.</summary>
internal enum SignatureCheck
{
    Valid,
    Malformed,
    NoMatch,
    OutsideTolerance,
}

/// <summary>
/// Verifies <c>Stripe-Signature: t=…,v1=…[,v1=…]</c> as Stripe specifies: each <c>v1</c> is a hex
/// HMAC-SHA256, keyed with a signing secret, of <c>t + "." + raw body</c>. Any signature matching any of the
/// secrets (compared in constant time) passes, if <c>t</c> is within the tolerance of now.
/// </summary>
internal static class StripeSignature
{
    public const string HeaderName = "Stripe-Signature";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static SignatureCheck Verify(string? header, ReadOnlySpan<byte> payload, IEnumerable<string> secrets, DateTimeOffset now)
    {
        if (!TryParse(header, out var timestamp, out var signatures))
        {
            return SignatureCheck.Malformed;
        }

        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + payload.Length];
        prefix.CopyTo(signed, 0);
        payload.CopyTo(signed.AsSpan(prefix.Length));

        var matched = false;
        foreach (var secret in secrets)
        {
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
            foreach (var signature in signatures)
            {
                // No early exit: every comparison runs, so timing tells nothing about which one matched.
                matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
            }
        }

        if (!matched)
        {
            return SignatureCheck.NoMatch;
        }

        return Math.Abs(now.ToUnixTimeSeconds() - timestamp) > Tolerance.TotalSeconds ? SignatureCheck.OutsideTolerance : SignatureCheck.Valid;
    }

    /// <summary>The one <c>t</c> and every well-formed <c>v1</c> of the header (other schemes are ignored, as Stripe does).</summary>
    private static bool TryParse(string? header, out long timestamp, out List<byte[]> signatures)
    {
        timestamp = 0;
        signatures = [];
        if (string.IsNullOrEmpty(header) || header.Length > 4096)
        {
            return false;
        }

        var timestamps = 0;
        foreach (var item in header.Split(','))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var (scheme, value) = (item[..equals].Trim(), item[(equals + 1)..].Trim());
            if (scheme == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
                timestamps++;
            }
            else if (scheme == "v1" && value.Length == 64 && value.All(char.IsAsciiHexDigit))
            {
                signatures.Add(Convert.FromHexString(value));
            }
        }

        return timestamps == 1 && signatures.Count > 0;
    }
}
