using System.Text.Json;

namespace Platform.Billing.Stripe;

/// <summary>The fields of a Checkout Session (<c>cs_…</c>) that a license is made from.</summary>
internal sealed record CheckoutSession(
    string Id, string? Mode, string? PaymentStatus, string? CustomerId, string? CustomerEmail, string? SubscriptionId,
    string? PaymentIntentId, string? PriceId, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>Paid, or free: <c>unpaid</c> sessions (delayed payment methods) become licenses on <c>async_payment_succeeded</c>.</summary>
    public bool IsPaid => PaymentStatus is "paid" or "no_payment_required";

    public static CheckoutSession? Read(JsonElement session) =>
        StripeJson.String(session, "id") is { } id
            ? new CheckoutSession(
                id,
                StripeJson.String(session, "mode"),
                StripeJson.String(session, "payment_status"),
                StripeJson.Id(session, "customer"),
                StripeJson.String(session, "customer_details", "email") ?? StripeJson.String(session, "customer_email"),
                StripeJson.Id(session, "subscription"),
                StripeJson.Id(session, "payment_intent"),
                // Only present when the session was fetched with line_items expanded; events usually lack it.
                StripeJson.ListData(session, "line_items").Select(i => StripeJson.Id(i, "price")).FirstOrDefault(p => p is not null),
                StripeJson.Metadata(session))
            : null;
}
