namespace Platform.Billing.Model;

/// <summary>A Stripe price (<c>price_…</c>) and the Licensing product and plan a purchase of it becomes.</summary>
internal sealed record PriceMapping(string PriceId, string ProductId, string? PlanId, DateTimeOffset UpdatedAt);
