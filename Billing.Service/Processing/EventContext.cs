using Npgsql;
using Platform.Billing.Model;
using Platform.Protos.Licensing.V1;
using Stripe;

namespace Platform.Billing.Processing;

/// <summary>An event being processed: its stored row, its parsed content, the tenant's settings and the transaction holding its locks.</summary>
internal sealed record EventContext(StoredEvent Stored, Event Event, BillingSettings Settings, NpgsqlConnection Connection, NpgsqlTransaction Transaction, DateTimeOffset Now)
{
    public string TenantId => Stored.TenantId;
    public string Environment => Stored.Environment;

    /// <summary>Stripe's time of the event: what decides whether it is newer than the state applied.</summary>
    public DateTimeOffset Created => Stored.CreatedAt;

    public Task<SubscriptionState> LockSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        Infrastructure.SubscriptionStore.LockAsync(Connection, Transaction, TenantId, Environment, subscriptionId, cancellationToken);

    public Task SaveAsync(SubscriptionState state, CancellationToken cancellationToken) =>
        Infrastructure.SubscriptionStore.SaveAsync(Connection, Transaction, state, cancellationToken);

    /// <summary>A Licensing command on <paramref name="licenseId"/>, idempotent on this Stripe event.</summary>
    public LicenseCommand CommandFor(string licenseId) =>
        new() { IdempotencyKey = Event.Id, TenantId = TenantId, Environment = Environment, LicenseId = licenseId };

    /// <summary>A renewal of <paramref name="licenseId"/> to <paramref name="expiresAt"/>, idempotent on this Stripe event.</summary>
    public RenewLicenseCommand RenewalFor(string licenseId, DateTimeOffset expiresAt) => new()
    {
        IdempotencyKey = Event.Id,
        TenantId = TenantId,
        Environment = Environment,
        LicenseId = licenseId,
        ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(expiresAt),
    };
}
