namespace Platform.Billing.Model;

/// <summary>
/// A verified Stripe event as Billing stored it, with how far its processing got; <see cref="UnmappedPriceId"/> is the
/// price whose mapping it waits for while it <see cref="EventStatus.NeedsAttention"/>.
/// </summary>
internal sealed record StoredEvent(
    string TenantId, string EventId, string Environment, string Type, DateTimeOffset CreatedAt, string Payload,
    DateTimeOffset ReceivedAt, string Status, int Attempts, DateTimeOffset NextAttemptAt, string? Outcome, DateTimeOffset? ProcessedAt,
    string? UnmappedPriceId);
