using System.Globalization;

namespace Platform.Billing.Model;

/// <summary>
/// The Stripe API versions whose objects Billing reads: <see cref="Oldest"/> and later, including versions other than
/// the one Stripe.net pins (2026-10-28.endive for 53.1.0), since vendors' webhook endpoints run various versions.
/// 2025-03-31.basil moved what Billing needs (an invoice's subscription under <c>parent.subscription_details</c>, the
/// current period onto the subscription's items), and Stripe.net's types only know the new places: an event of an
/// older version would be read with those fields missing, so it is refused rather than misread.
/// </summary>
internal static class StripeApiVersions
{
    public const string Oldest = "2025-03-31.basil";

    private static readonly DateOnly OldestDate = new(2025, 3, 31);

    public static bool IsReadable(string? apiVersion) =>
        apiVersion is { Length: >= 10 }
        && DateOnly.TryParseExact(apiVersion.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date >= OldestDate;
}
