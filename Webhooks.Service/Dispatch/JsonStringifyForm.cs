using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Platform.Webhooks.Dispatch;

/// <summary>
/// A JSON text written as JavaScript's <c>JSON.stringify(JSON.parse(text))</c> writes it: no whitespace; object keys
/// that are array indices first, ascending, then the others in order; strings with only <c>"</c>, <c>\</c>, control
/// characters and lone surrogates escaped; numbers as JavaScript prints them. A vendor who checks the signature over
/// the parsed body written again (the reference's Node.js example) then hashes the same bytes as one who hashes the
/// raw body (its Python and PHP examples), so webhook bodies are sent in this form.
/// </summary>
public static class JsonStringifyForm
{
    public static string Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        var text = new StringBuilder(json.Length);
        Write(document.RootElement, text);
        return text.ToString();
    }

    private static void Write(JsonElement value, StringBuilder text)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var property in Ordered(value))
                {
                    text.Append(first ? "" : ",");
                    first = false;
                    WriteString(property.Name, text);
                    text.Append(':');
                    Write(property.Value, text);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    text.Append(index++ > 0 ? "," : "");
                    Write(item, text);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(StringOf(value), text);
                break;
            case JsonValueKind.Number:
                // Beyond a double, JSON.parse reads Infinity, which JSON.stringify writes as null.
                text.Append(value.TryGetDouble(out var number) && double.IsFinite(number) ? Number(number) : "null");
                break;
            default:
                text.Append(value.GetRawText()); // true, false, null
                break;
        }
    }

    /// <summary>JavaScript objects list integer-like keys (array indices) first, ascending; a key repeated keeps its first place and its last value.</summary>
    private static IEnumerable<JsonProperty> Ordered(JsonElement value)
    {
        var properties = value.EnumerateObject().ToList();
        var last = properties.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var names = properties.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        return names.Where(n => IndexOf(n) is not null).OrderBy(n => IndexOf(n)).Concat(names.Where(n => IndexOf(n) is null)).Select(n => last[n]);
    }

    private static uint? IndexOf(string name) =>
        uint.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index != uint.MaxValue
            && index.ToString(CultureInfo.InvariantCulture) == name ? index : null;

    /// <summary>The string's value; one holding an escaped lone surrogate (which .NET will not read) unescaped here.</summary>
    private static string StringOf(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = value.GetRawText();
            var text = new StringBuilder(raw.Length);
            for (var i = 1; i < raw.Length - 1; i++)
            {
                if (raw[i] != '\\')
                {
                    text.Append(raw[i]);
                    continue;
                }

                var escaped = raw[++i];
                _ = escaped switch
                {
                    'u' => text.Append((char)Convert.ToUInt16(raw.Substring(i + 1, 4), 16)),
                    'b' => text.Append('\b'),
                    'f' => text.Append('\f'),
                    'n' => text.Append('\n'),
                    'r' => text.Append('\r'),
                    't' => text.Append('\t'),
                    _ => text.Append(escaped), // " \ /
                };
                i += escaped == 'u' ? 4 : 0;
            }

            return text.ToString();
        }
    }

    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(value[i - 1]));
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\b' => text.Append("\\b"),
                '\f' => text.Append("\\f"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when c < ' ' || !paired => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        text.Append('"');
    }

    /// <summary>ECMAScript's Number::toString: the shortest digits that read back as the same double, placed by its rules.</summary>
    internal static string Number(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        // .NET's "R" gives the same shortest digits; only where it puts the point and the exponent differs.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        var exponent = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? shortest : shortest[..e];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? mantissa : mantissa[..point];
        var all = whole + (point < 0 ? "" : mantissa[(point + 1)..]);
        var digits = all.TrimStart('0');
        var n = whole.Length - (all.Length - digits.Length) + exponent; // the value is 0.digits × 10^n
        digits = digits.TrimEnd('0');
        var k = digits.Length;
        var text = k <= n && n <= 21 ? digits + new string('0', n - k)
            : n is > 0 and <= 21 ? $"{digits[..n]}.{digits[n..]}"
            : n is > -6 and <= 0 ? $"0.{new string('0', -n)}{digits}"
            : $"{digits[0]}{(k > 1 ? "." + digits[1..] : "")}e{(n - 1 < 0 ? "-" : "+")}{Math.Abs(n - 1)}";
        return value < 0 ? "-" + text : text;
    }
}
