namespace Platform.Fuzz.Tests;

/// <summary>What every answer of the platform must be: never a 5xx, and every refusal in the platform's error format.</summary>
internal static class ErrorFormat
{
    /// <returns>What is wrong with the answer, or null when nothing is.</returns>
    public static async Task<string?> ProblemAsync(HttpResponseMessage response, string target)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"{status} {Shorten(text)}";
        }

        // Kestrel refuses a NUL in the request path itself, before any middleware runs, with an empty 400: ASP.NET Core
        // has no hook to give that answer a body. Every other refusal is the platform's own.
        if (status < 400 || (status == 400 && text.Length == 0 && target.Split('?')[0].Contains("%00", StringComparison.Ordinal)))
        {
            return null;
        }

        try
        {
            var body = JsonDocument.Parse(text).RootElement;
            return body.ValueKind == JsonValueKind.Object
                && body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                && body.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? null
                : $"{status} without the error format: {Shorten(text)}";
        }
        catch (JsonException)
        {
            return $"{status} with a body that is not JSON: {Shorten(text)}";
        }
    }

    public static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
