namespace LicensePlatform.Client.Management;

/// <summary>A webhook endpoint: where the platform sends the events it subscribed to, signed with its secret.</summary>
/// <param name="Id">The endpoint's id (<c>whe_…</c>).</param>
/// <param name="Url">Where events are sent.</param>
/// <param name="Events">The event types it receives (e.g. <c>license.created</c>), or <c>*</c> for all.</param>
/// <param name="Description">The vendor's note.</param>
/// <param name="Enabled">Whether events are sent to it.</param>
/// <param name="DisabledReason">Why it is disabled: <c>manual</c>, <c>gone</c> (it answered 410) or <c>failing</c>; null when enabled.</param>
/// <param name="PreviousSecretExpiresAt">After a secret rotation: until when the previous secret still signs too.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record WebhookEndpoint(
    string Id,
    Uri Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
