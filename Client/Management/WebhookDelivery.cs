namespace LicensePlatform.Client.Management;

/// <summary>One event sent to one endpoint, with its attempts so far.</summary>
/// <param name="Id">The delivery's id (<c>whd_…</c>, the <c>X-TO-Delivery-ID</c> header).</param>
/// <param name="EndpointId">The endpoint.</param>
/// <param name="EventId">The event (<c>X-TO-Event-ID</c>), the same for every endpoint.</param>
/// <param name="Event">The event type, e.g. <c>license.created</c> or <c>webhook.test</c>.</param>
/// <param name="Status">Where the delivery is.</param>
/// <param name="Attempts">Attempts so far.</param>
/// <param name="NextAttemptAt">When it is attempted next, while pending.</param>
/// <param name="LastAttemptAt">When it was last attempted.</param>
/// <param name="LastResponseCode">The HTTP status of the last answer, if there was one.</param>
/// <param name="LastDurationMs">How long the last attempt took.</param>
/// <param name="LastError">Why the last attempt failed, when it did without an answer.</param>
/// <param name="LastResponseBody">The first 1 KiB of the last answer.</param>
/// <param name="RedeliveryOf">For a redelivery: the delivery it repeats.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="DeliveredAt">When it was delivered.</param>
public sealed record WebhookDelivery(
    string Id,
    string EndpointId,
    Guid EventId,
    string Event,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastResponseCode,
    int? LastDurationMs,
    string? LastError,
    string? LastResponseBody,
    string? RedeliveryOf,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt);
