using Stripe;

namespace Platform.Billing.Processing;

/// <summary>The times Billing reads from Stripe's objects, as instants (Stripe.net gives UTC <see cref="DateTime"/>s, the epoch when absent).</summary>
internal static class StripeTimes
{
    /// <summary>The instant, or null for Stripe.net's "absent" (the Unix epoch or earlier).</summary>
    public static DateTimeOffset? Of(DateTime time) =>
        time > DateTime.UnixEpoch ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null;

    /// <summary>
    /// The end of the period an invoice pays for: the latest end among its lines. (For a subscription invoice the
    /// invoice's own <c>period_end</c> is the end of the previous period.)
    /// </summary>
    public static DateTimeOffset? PaidUntil(Invoice invoice) =>
        (invoice.Lines?.Data ?? []).Select(line => line?.Period is { } period ? Of(period.End) : null).Max();

    /// <summary>The end of the subscription's current period: the latest among its items (where Stripe keeps it since 2025-03-31.basil).</summary>
    public static DateTimeOffset? CurrentPeriodEnd(Subscription subscription) =>
        (subscription.Items?.Data ?? []).Select(item => item is null ? null : Of(item.CurrentPeriodEnd)).Max();
}
