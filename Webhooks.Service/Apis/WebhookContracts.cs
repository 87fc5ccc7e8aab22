using System.Text.Json.Serialization;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.Apis;

internal sealed record CreateEndpointRequest(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("events")] List<string>? Events,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("enabled")] bool? Enabled);

internal sealed record UpdateEndpointRequest(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("events")] List<string>? Events,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("enabled")] bool? Enabled);

/// <summary>An endpoint as the API shows it; <c>secret</c> appears only in the answer that created it.</summary>
internal sealed record EndpointResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("events")] IReadOnlyList<string> Events,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("enabled")] bool Enabled,
    [property: JsonPropertyName("disabled_reason")] string? DisabledReason,
    [property: JsonPropertyName("previous_secret_expires_at")] DateTimeOffset? PreviousSecretExpiresAt,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("secret"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null)
{
    public static EndpointResponse Of(WebhookEndpoint endpoint, bool showSecret = false) => new(
        endpoint.Id, endpoint.Url, endpoint.Events, endpoint.Description, endpoint.Enabled, endpoint.DisabledReason,
        endpoint.PreviousSecretExpiresAt > DateTimeOffset.UtcNow ? endpoint.PreviousSecretExpiresAt : null,
        endpoint.CreatedAt, endpoint.UpdatedAt, showSecret ? endpoint.Secret : null);
}

internal sealed record RotatedSecretResponse(
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("previous_secret_expires_at")] DateTimeOffset PreviousSecretExpiresAt);

internal sealed record DeliveryResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("endpoint_id")] string EndpointId,
    [property: JsonPropertyName("event_id")] Guid EventId,
    [property: JsonPropertyName("event")] string EventType,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("next_attempt_at")] DateTimeOffset? NextAttemptAt,
    [property: JsonPropertyName("last_attempt_at")] DateTimeOffset? LastAttemptAt,
    [property: JsonPropertyName("last_response_code")] int? LastResponseCode,
    [property: JsonPropertyName("last_duration_ms")] int? LastDurationMs,
    [property: JsonPropertyName("last_error")] string? LastError,
    [property: JsonPropertyName("last_response_body")] string? LastResponseBody,
    [property: JsonPropertyName("redelivery_of")] string? RedeliveryOf,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("delivered_at")] DateTimeOffset? DeliveredAt)
{
    public static DeliveryResponse Of(Delivery d) => new(
        d.Id, d.EndpointId, d.EventId, d.EventType, d.Status, d.Attempts, d.NextAttemptAt, d.LastAttemptAt, d.LastStatusCode,
        d.LastDurationMs, d.LastError, d.LastResponseBody, d.RedeliveryOf, d.CreatedAt, d.DeliveredAt);
}
