namespace Platform.Contracts.Events;

/// <summary>
/// A license changed (<c>license.created</c>, <c>license.suspended</c>, …), as published on RabbitMQ.
/// <see cref="EventId"/> is also the message id, so consumers de-duplicate on it; <see cref="Version"/>
/// grows with every change of the license, so consumers drop events older than what they hold.
/// <see cref="Payload"/> is the JSON webhooks deliver: <c>{"id","type","created","data":{…}}</c>.
/// </summary>
public sealed record LicenseEvent(
    Guid EventId,
    string Type,
    string TenantId,
    string Environment,
    string LicenseId,
    long Version,
    DateTimeOffset OccurredAt,
    string Payload);
