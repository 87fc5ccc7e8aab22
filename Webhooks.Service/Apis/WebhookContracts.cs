using System.Text.Json.Serialization;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.Apis;

internal sealed record CreateEndpointRequest(
    string? Url,
    List<string>? Events,
    string? Description,
    bool? Enabled);

internal sealed record UpdateEndpointRequest(
    string? Url,
    List<string>? Events,
    string? Description,
    bool? Enabled);

/// <summary>An endpoint as the API shows it; <c>secret</c> appears only in the answer that created it.</summary>
internal sealed record EndpointResponse(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null)
{
    public static EndpointResponse Of(WebhookEndpoint endpoint, bool showSecret = false) => new(
        endpoint.Id, endpoint.Url, endpoint.Events, endpoint.Description, endpoint.Enabled, endpoint.DisabledReason,
        endpoint.PreviousSecretExpiresAt > DateTimeOffset.UtcNow ? endpoint.PreviousSecretExpiresAt : null,
        endpoint.CreatedAt, endpoint.UpdatedAt, showSecret ? endpoint.Secret : null);
}

internal sealed record RotatedSecretResponse(
    string Secret,
    DateTimeOffset PreviousSecretExpiresAt);

internal sealed record DeliveryResponse(
    string Id,
    string EndpointId,
    Guid EventId,
    [property: JsonPropertyName("event")] string EventType,
    string Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastResponseCode,
    int? LastDurationMs,
    string? LastError,
    string? LastResponseBody,
    string? RedeliveryOf,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt)
{
    public static DeliveryResponse Of(Delivery d) => new(
        d.Id, d.EndpointId, d.EventId, d.EventType, d.Status, d.Attempts, d.NextAttemptAt, d.LastAttemptAt, d.LastStatusCode,
        d.LastDurationMs, d.LastError, d.LastResponseBody, d.RedeliveryOf, d.CreatedAt, d.DeliveredAt);
}
