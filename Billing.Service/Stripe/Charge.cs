using System.Text.Json;

namespace Platform.Billing.Stripe;

/// <summary>The fields of a charge (<c>ch_…</c>) that tie a refund to a license.</summary>
internal sealed record Charge(string Id, string? PaymentIntentId, string? InvoiceId, string? CustomerId, bool FullyRefunded)
{
    public static Charge? Read(JsonElement charge) =>
        StripeJson.String(charge, "id") is { } id
            ? new Charge(id, StripeJson.Id(charge, "payment_intent"), StripeJson.Id(charge, "invoice"), StripeJson.Id(charge, "customer"),
                StripeJson.Bool(charge, "refunded") ?? false)
            : null;
}
