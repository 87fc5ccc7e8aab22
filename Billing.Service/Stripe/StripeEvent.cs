using System.Text.Json;

namespace Platform.Billing.Stripe;

/// <summary>The envelope of a Stripe event: its id, type, creation time, mode and the object it is about (<c>data.object</c>).</summary>
internal sealed record StripeEvent(string Id, string Type, DateTimeOffset Created, bool LiveMode, JsonElement Object)
{
    /// <summary>The event in <paramref name="json"/>, or null when it lacks the fields every Stripe event has.</summary>
    public static StripeEvent? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var root = JsonSerializer.Deserialize<JsonElement>(json);
            return root.ValueKind == JsonValueKind.Object
                && StripeJson.String(root, "id") is { Length: > 0 and <= 255 } id && id.StartsWith("evt_", StringComparison.Ordinal)
                && StripeJson.String(root, "type") is { Length: > 0 and <= 255 } type
                && StripeJson.Time(root, "created") is { } created
                && root.TryGetProperty("livemode", out var live) && live.ValueKind is JsonValueKind.True or JsonValueKind.False
                && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("object", out var obj) && obj.ValueKind == JsonValueKind.Object
                ? new StripeEvent(id, type, created, live.GetBoolean(), obj)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
