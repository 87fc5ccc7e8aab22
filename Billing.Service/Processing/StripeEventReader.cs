using Stripe;

namespace Platform.Billing.Processing;

/// <summary>Reads a webhook body into Stripe.net's <see cref="Event"/>, with the fields every Stripe event has.</summary>
internal static class StripeEventReader
{
    /// <summary>The event in <paramref name="payload"/>, or null when it is not one (whatever the API version).</summary>
    public static Event? Read(string payload)
    {
        Event? stripeEvent;
        try
        {
            stripeEvent = EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The body is the sender's: whatever Stripe.net cannot read in it (malformed JSON, a value of the wrong type,
            // a thin v2 notification) makes it no event Billing reads, never a server error.
            return null;
        }

        return stripeEvent is { Id: { Length: > 4 and <= 255 } id, Type: { Length: > 0 and <= 255 }, Data: not null }
            && id.StartsWith("evt_", StringComparison.Ordinal)
            && StripeTimes.Of(stripeEvent.Created) is not null
            ? stripeEvent
            : null;
    }
}
