using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Licensing.Infrastructure;

namespace Platform.Licensing.Model;

/// <summary>
/// Adds the integration event of a license change to the outbox of the same unit of work, so that the
/// change and its event are committed together or not at all. The payload is what webhooks deliver, in the
/// reference's shape, <c>{"event","timestamp","data":{"licenseId","productId","machineId"?,…}}</c>, with the event's
/// <c>id</c>, <c>tenant</c>, <c>environment</c> and <c>version</c> beside, and in <c>data</c> what the event carries
/// (the license, or the machine or domain that changed). The outbox keeps it as jsonb, which orders the keys its own
/// way; receivers get that order, written compactly by Webhooks.
/// </summary>
internal static class LicenseEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Records the event; <c>data</c> holds the fields of each of <paramref name="data"/> in turn (the first of a name wins).</summary>
    public static void Record(LicensingDbContext db, string type, License license, DateTimeOffset now, params object[] data)
    {
        var id = Guid.CreateVersion7(now);
        var environment = license.Environment.ToString().ToLowerInvariant();
        var fields = new JsonObject { ["licenseId"] = license.Id, ["productId"] = license.ProductId };
        foreach (var part in data)
        {
            foreach (var (name, value) in JsonSerializer.SerializeToNode(part, Json)!.AsObject().ToList())
            {
                fields.TryAdd(name, value?.DeepClone());
            }
        }

        var payload = JsonSerializer.Serialize(new
        {
            @event = type,
            timestamp = now.UtcDateTime,
            id,
            tenant = license.TenantId,
            environment,
            version = license.Version,
            data = fields,
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
