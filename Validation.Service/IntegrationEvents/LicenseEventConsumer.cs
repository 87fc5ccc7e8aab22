using System.Text.Json;
using MassTransit;
using Platform.Contracts.Events;
using Platform.Contracts.Keys;
using Platform.Validation.Cache;

namespace Platform.Validation.IntegrationEvents;

/// <summary>
/// Keeps this replica's cache fresh: every license event drops the snapshots of that license older than the
/// event's version (the next validation reads the new one). Idempotent, so redelivery and duplicates are harmless.
/// A <c>license.created</c> also clears the key from the unknown-keys memory.
/// </summary>
internal sealed class LicenseEventConsumer(SnapshotCache cache, ILogger<LicenseEventConsumer> logger) : IConsumer<LicenseEvent>
{
    public Task Consume(ConsumeContext<LicenseEvent> context)
    {
        var message = context.Message;
        var dropped = cache.Invalidate(message.LicenseId, message.Version);
        if (message.Type == "license.created" && KeyOf(message.Payload) is { } key)
        {
            cache.ForgetUnknown(key);
        }

        logger.LogDebug("{Type} v{Version} of {LicenseId}: {Dropped} cached snapshots dropped", message.Type, message.Version, message.LicenseId, dropped);
        return Task.CompletedTask;
    }

    private static string? KeyOf(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.TryGetProperty("data", out var data)
                && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("key", out var key)
                && key.ValueKind == JsonValueKind.String
                && LicenseKeyFormat.Classify(key.GetString(), out var canonical) != LicenseKeyKind.Invalid ? canonical : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
