using System.Text.Json;

namespace Platform.Billing.Stripe;

/// <summary>The fields of an invoice (<c>in_…</c>) that renew or suspend a subscription's license.</summary>
internal sealed record Invoice(string Id, string? SubscriptionId, string? PaymentIntentId, DateTimeOffset? ServicePeriodEnd)
{
    public static Invoice? Read(JsonElement invoice) =>
        StripeJson.String(invoice, "id") is { } id
            ? new Invoice(
                id,
                // Before API version 2025-03-31 at the top; since then under parent.subscription_details.
                StripeJson.Id(invoice, "subscription") ?? StripeJson.Id(invoice, "parent", "subscription_details", "subscription"),
                StripeJson.Id(invoice, "payment_intent"),
                // The invoice's own period_end is the end of the *previous* period for subscription invoices;
                // the period paid for is on its lines.
                StripeJson.ListData(invoice, "lines").Select(l => StripeJson.Time(l, "period", "end")).Max())
            : null;
}
