using System.Globalization;
using System.Text;

namespace LicensePlatform.Client.Management;

/// <summary>The paths and query strings of the admin API, and the <c>Idempotency-Key</c> of each write.</summary>
internal static class Routes
{
    /// <summary><paramref name="path"/> followed by the parameters that have a value, escaped (an enum as its snake_case name, as in JSON).</summary>
    public static string WithQuery(string path, params (string Name, object? Value)[] parameters)
    {
        var query = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            var text = value switch
            {
                Enum named => JsonNamingPolicy.SnakeCaseLower.ConvertName(named.ToString()),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            query.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(text));
            separator = '&';
        }

        return query.ToString();
    }

    /// <summary>One path segment: an id as given, escaped.</summary>
    public static string Segment(string id, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, parameterName);
        return Uri.EscapeDataString(id);
    }

    /// <summary>
    /// The caller's <c>Idempotency-Key</c>, or a new one: the HTTP pipeline retries a write after a timeout or a 5xx with
    /// the same request, and the same key makes the platform answer that retry with the first result instead of acting twice.
    /// </summary>
    public static string IdempotencyKey(string? key) => key ?? "lpc-" + Guid.NewGuid().ToString("N");
}
