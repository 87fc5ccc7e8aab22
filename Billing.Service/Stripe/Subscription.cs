using System.Text.Json;

namespace Platform.Billing.Stripe;

/// <summary>The fields of a subscription (<c>sub_…</c>) that Billing follows.</summary>
internal sealed record Subscription(string Id, string? CustomerId, string? Status, bool CancelAtPeriodEnd, string? PriceId, DateTimeOffset? CurrentPeriodEnd)
{
    public static Subscription? Read(JsonElement subscription)
    {
        if (StripeJson.String(subscription, "id") is not { } id)
        {
            return null;
        }

        var items = StripeJson.ListData(subscription, "items").ToList();
        return new Subscription(
            id,
            StripeJson.Id(subscription, "customer"),
            StripeJson.String(subscription, "status"),
            StripeJson.Bool(subscription, "cancel_at_period_end") ?? false,
            items.Select(i => StripeJson.Id(i, "price")).FirstOrDefault(p => p is not null),
            // Before API version 2025-03-31 at the top; since then on each item.
            StripeJson.Time(subscription, "current_period_end") ?? items.Select(i => StripeJson.Time(i, "current_period_end")).Max());
    }
}
