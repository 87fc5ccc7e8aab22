using System.Text.Json;
using Platform.Licensing.Infrastructure;

namespace Platform.Licensing.Model;

/// <summary>Adds <c>api_key.revoked</c> to the outbox of the same unit of work as the revocation.</summary>
internal static class ApiKeyEvents
{
    public const string Revoked = "api_key.revoked";

    public static void RecordRevoked(LicensingDbContext db, ApiKey key, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var environment = key.Environment.ToString().ToLowerInvariant();
        db.Outbox.Add(new OutboxMessage
        {
            Id = id,
            Type = Revoked,
            TenantId = key.TenantId,
            Environment = key.Environment,
            AggregateId = key.Id,
            Version = 1,
            Payload = JsonSerializer.Serialize(new { id, type = Revoked, created = now, tenant = key.TenantId, environment, data = new { api_key_id = key.Id } }),
        });
    }
}
