using System.Text.Json;

namespace Platform.Billing.Stripe;

/// <summary>Tolerant reads of Stripe's JSON: a missing field or one of another type reads as null.</summary>
internal static class StripeJson
{
    public static JsonElement? Property(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.Null ? null : element;
    }

    public static string? String(JsonElement element, params string[] path) =>
        Property(element, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>An id that Stripe sends either as a string or, when expanded, as an object with an <c>id</c>.</summary>
    public static string? Id(JsonElement element, params string[] path) => Property(element, path) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Object } value => String(value, "id"),
        _ => null,
    };

    public static bool? Bool(JsonElement element, params string[] path) =>
        Property(element, path) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    /// <summary>A Unix timestamp in seconds, as Stripe writes every time.</summary>
    public static DateTimeOffset? Time(JsonElement element, params string[] path) =>
        Property(element, path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var seconds)
            && seconds is > 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>The items of a list object (<c>{"object":"list","data":[…]}</c>) at <paramref name="path"/>.</summary>
    public static IEnumerable<JsonElement> ListData(JsonElement element, params string[] path) =>
        Property(element, [.. path, "data"]) is { ValueKind: JsonValueKind.Array } data ? data.EnumerateArray() : [];

    public static IReadOnlyDictionary<string, string> Metadata(JsonElement element) =>
        Property(element, "metadata") is { ValueKind: JsonValueKind.Object } metadata
            ? metadata.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : new Dictionary<string, string>();
}
