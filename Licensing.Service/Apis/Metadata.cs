using System.Text.Json;

namespace Platform.Licensing.Apis;

/// <summary>Free-form metadata: a JSON object of at most 16 KB, stored as jsonb.</summary>
internal static class Metadata
{
    private const int MaxBytes = 16 * 1024;

    public static string Read(JsonElement? metadata, ValidationProblem problem)
    {
        if (metadata is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return "{}";
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problem.Invalid("metadata", "must be a JSON object");
            return "{}";
        }

        var text = value.GetRawText();
        if (text.Length > MaxBytes)
        {
            problem.Invalid("metadata", "is larger than 16 KB");
        }
        else if (text.Contains("\\u0000", StringComparison.Ordinal))
        {
            // Postgres jsonb cannot hold a NUL character.
            problem.Invalid("metadata", "contains a NUL character");
        }

        return text;
    }
}
