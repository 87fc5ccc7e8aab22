using System.Diagnostics.CodeAnalysis;
using Stripe;

namespace Platform.Billing.Apis;

/// <summary>
/// Verifies a webhook with Stripe.net's <see cref="EventUtility.ConstructEvent(string, string, string, long, long, bool)"/>,
/// trying each signing secret of the environment (several while one is being rolled), with the timestamp within
/// <see cref="Tolerance"/> of now. The event's API version is not compared with Stripe.net's own
/// (<c>throwOnApiVersionMismatch: false</c>): vendors' endpoints run various versions, and which of them Billing can
/// read is decided after verification (<see cref="Model.StripeApiVersions"/>).
/// </summary>
internal static class StripeSignatureCheck
{
    public const string HeaderName = "Stripe-Signature";

    /// <summary>The platform's tolerance for the signature's timestamp (Stripe's libraries default to the same).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const int MaxHeaderLength = 4096;

    /// <returns>True with the verified event, or false with the refusal to answer.</returns>
    public static bool TryVerify(
        string payload, string? header, IReadOnlyList<string> secrets, DateTimeOffset now,
        [NotNullWhen(true)] out Event? verified, [NotNullWhen(false)] out IResult? refusal)
    {
        verified = null;
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderLength)
        {
            refusal = BillingErrors.BadRequest(BillingErrors.InvalidSignature, "The Stripe-Signature header is missing or malformed (t=…,v1=…).");
            return false;
        }

        foreach (var secret in secrets)
        {
            try
            {
                verified = EventUtility.ConstructEvent(payload, header, secret, (long)Tolerance.TotalSeconds, now.ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
                refusal = null;
                return true;
            }
            catch (Exception ex) when (IsRefusal(ex))
            {
                // Not signed with this secret, or signed too long ago: the next secret, then the verdict below.
            }
        }

        refusal = secrets.Any(secret => IsSignedWith(payload, header, secret))
            ? BillingErrors.BadRequest(BillingErrors.SignatureExpired, $"The signature's timestamp is more than {Tolerance.TotalMinutes:0} minutes from now.")
            : BillingErrors.BadRequest(BillingErrors.InvalidSignature, "No signature in the Stripe-Signature header matches the body with a configured signing secret.");
        return false;
    }

    /// <summary>Whether the header holds the secret's signature of the payload, whatever its timestamp (an unbounded tolerance leaves only the signature to check).</summary>
    private static bool IsSignedWith(string payload, string header, string secret)
    {
        try
        {
            EventUtility.ValidateSignature(payload, header, secret, tolerance: long.MaxValue, utcNow: 0);
            return true;
        }
        catch (StripeException)
        {
            return false;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            // Stripe.net converts t= only once a signature matched: signed, at a time it cannot read (past 2038).
            return true;
        }
    }

    /// <summary>
    /// Stripe.net refuses with <see cref="StripeException"/>; a <c>t=</c> that is no 32-bit number fails its conversion
    /// (only once a signature matched, so only for a sender holding the secret).
    /// </summary>
    private static bool IsRefusal(Exception ex) => ex is StripeException or FormatException or OverflowException;
}
