namespace Platform.Webhooks.Model;

/// <summary>One event on its way to one endpoint, with the outcome of its latest attempt.</summary>
public sealed record Delivery(
    string Id,
    string EndpointId,
    Guid EventId,
    string EventType,
    string Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    int? LastDurationMs,
    string? LastError,
    string? LastResponseBody,
    string? RedeliveryOf,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt);

public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
