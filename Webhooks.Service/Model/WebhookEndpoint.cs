namespace Platform.Webhooks.Model;

/// <summary>A URL of a vendor's that receives the events it subscribed to, signed with its secret.</summary>
public sealed record WebhookEndpoint(
    string Id,
    string TenantId,
    string Environment,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Enabled,
    string? DisabledReason,
    string Secret,
    string? PreviousSecret,
    DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
