namespace Platform.Billing.Model;

/// <summary>A verified Stripe event as Billing stored it, with how far its processing got.</summary>
internal sealed record StoredEvent(
    string TenantId, string EventId, string Environment, string Type, DateTimeOffset CreatedAt, string Payload,
    DateTimeOffset ReceivedAt, string Status, int Attempts, DateTimeOffset NextAttemptAt, string? Outcome, DateTimeOffset? ProcessedAt);
