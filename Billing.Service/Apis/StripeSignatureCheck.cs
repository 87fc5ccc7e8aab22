using Stripe;

namespace Platform.Billing.Apis;

/// <summary>
/// Checks a webhook's <c>Stripe-Signature</c> with Stripe.net's
/// <see cref="EventUtility.ValidateSignature(string, string, string, long, long)"/>; the body is read once, apart
/// (<see cref="Processing.StripeEventReader"/>). First it finds the signing secret of the environment (several while
/// one is being rolled) that signed the body, whatever the timestamp; then it checks that timestamp once, within
/// Stripe's <see cref="EventUtility.DefaultTimeTolerance"/> of now. The two steps tell an expired signature from a
/// wrong one.
/// </summary>
internal static class StripeSignatureCheck
{
    public const string HeaderName = "Stripe-Signature";

    private const int MaxHeaderLength = 4096;

    /// <returns>Null when the header holds a recent signature of the payload made with one of the secrets; else the refusal to answer.</returns>
    public static IResult? Refusal(string payload, string? header, IEnumerable<string> secrets, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderLength)
        {
            return BillingErrors.BadRequest(BillingErrors.InvalidSignature, "The Stripe-Signature header is missing or malformed (t=…,v1=…).");
        }

        if (secrets.FirstOrDefault(secret => IsSignedWith(payload, header, secret)) is not { } signer)
        {
            return BillingErrors.BadRequest(BillingErrors.InvalidSignature, "No signature in the Stripe-Signature header matches the body with a configured signing secret.");
        }

        return IsRecent(payload, header, signer, now)
            ? null
            : BillingErrors.BadRequest(BillingErrors.SignatureExpired,
                $"The signature's timestamp is more than {TimeSpan.FromSeconds(EventUtility.DefaultTimeTolerance).TotalMinutes:0} minutes from now.");
    }

    /// <summary>
    /// Whether the header holds the secret's signature of the payload, whatever its timestamp: at a "now" of 0 with
    /// an unbounded tolerance, no 32-bit timestamp is too far.
    /// </summary>
    private static bool IsSignedWith(string payload, string header, string secret)
    {
        try
        {
            EventUtility.ValidateSignature(payload, header, secret, tolerance: long.MaxValue, utcNow: 0);
            return true;
        }
        catch (StripeException)
        {
            // A malformed header, or no signature made with this secret.
            return false;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            // Stripe.net converts t= to a 32-bit number only once a signature matched: signed, at a time it cannot read (past 2038).
            return true;
        }
    }

    /// <summary>Whether the timestamp of the signature made with <paramref name="signer"/> is within Stripe's tolerance of now.</summary>
    private static bool IsRecent(string payload, string header, string signer, DateTimeOffset now)
    {
        try
        {
            EventUtility.ValidateSignature(payload, header, signer, EventUtility.DefaultTimeTolerance, now.ToUnixTimeSeconds());
            return true;
        }
        catch (Exception ex) when (ex is StripeException or FormatException or OverflowException)
        {
            // The signature matched already: only the timestamp (too far from now, or past 2038) can be refused.
            return false;
        }
    }
}
