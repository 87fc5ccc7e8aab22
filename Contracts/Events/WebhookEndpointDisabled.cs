namespace Platform.Contracts.Events;

/// <summary>Webhooks stopped delivering to an endpoint: it answered 410 Gone (<c>gone</c>) or failed every attempt for a day (<c>failing</c>).</summary>
public sealed record WebhookEndpointDisabled(string EndpointId, string TenantId, string Environment, string Url, string Reason, DateTimeOffset At);
