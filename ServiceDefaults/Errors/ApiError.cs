using System.Text.Json.Serialization;

namespace Platform.ServiceDefaults.Errors;

/// <summary>The platform's error body: <c>{"error","code","help"}</c>.</summary>
public sealed record ApiError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("help")] string Help)
{
    public static ApiError For(string code, string message) => new(message, code, $"/docs/errors#{code}");
}
