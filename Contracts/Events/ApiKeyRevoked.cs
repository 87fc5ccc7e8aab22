namespace Platform.Contracts.Events;

/// <summary>
/// An API key was revoked (<c>api_key.revoked</c>), as published on RabbitMQ. The Gateway drops the key
/// from its cache of resolved keys when it sees this, so a revoked key stops working at once.
/// <see cref="EventId"/> is also the message id.
/// </summary>
public sealed record ApiKeyRevoked(
    Guid EventId,
    string TenantId,
    string Environment,
    string KeyId,
    DateTimeOffset OccurredAt);
