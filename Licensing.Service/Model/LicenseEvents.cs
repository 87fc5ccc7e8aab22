using System.Text.Json;
using Platform.Licensing.Infrastructure;

namespace Platform.Licensing.Model;

/// <summary>
/// Adds the integration event of a license change to the outbox of the same unit of work, so that the
/// change and its event are committed together or not at all. The payload is what webhooks deliver:
/// <c>{"id","type","created","data":{…the license…}}</c> plus tenant, environment and version.
/// </summary>
internal static class LicenseEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Record(LicensingDbContext db, string type, License license, object data, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var environment = license.Environment.ToString().ToLowerInvariant();
        var payload = JsonSerializer.Serialize(new
        {
            id,
            type,
            created = now,
            tenant = license.TenantId,
            environment,
            license_id = license.Id,
            version = license.Version,
            data,
        }, Json);
        db.Outbox.Add(new OutboxMessage
        {
            Id = id,
            Type = type,
            TenantId = license.TenantId,
            Environment = license.Environment,
            AggregateId = license.Id,
            Version = license.Version,
            Payload = payload,
        });
    }
}
