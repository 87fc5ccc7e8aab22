using Platform.Contracts.Events;
using Platform.Licensing.Model;

namespace Platform.Licensing.IntegrationEvents;

/// <summary>An outbox row as the relay claims it, and the message it is published as.</summary>
internal sealed record OutboxRow(Guid EventId, string Type, string TenantId, string Environment, string AggregateId, long Version, DateTimeOffset OccurredAt, string Payload)
{
    public Type MessageType => Type == ApiKeyEvents.Revoked ? typeof(ApiKeyRevoked) : typeof(LicenseEvent);

    public object ToMessage() => Type == ApiKeyEvents.Revoked
        ? new ApiKeyRevoked(EventId, TenantId, Environment, AggregateId, OccurredAt)
        : new LicenseEvent(EventId, Type, TenantId, Environment, AggregateId, Version, OccurredAt, Payload);
}
