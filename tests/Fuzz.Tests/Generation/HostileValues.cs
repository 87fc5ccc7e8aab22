using System.Globalization;
using System.Text;
using CsCheck;

namespace Platform.Fuzz.Tests.Generation;

/// <summary>
/// Generators of hostile values: text with control characters, lone surrogates, injection and traversal strings and
/// odd Unicode; numbers too large, negative or fractional; invalid dates; wrong JSON types; deep nesting; long strings.
/// Values come out as JSON text (strings escaped to ASCII, so a lone surrogate travels as its <c>\ud800</c> escape)
/// or as escaped URL parts.
/// </summary>
internal static class HostileValues
{
    public static readonly Gen<string> Text = Gen.Frequency(
        (5, Gen.OneOf(
            "", " ", "a\0b", "\0", "\u0001\u0002", "\u001b[31mred", "tab\tand\nline", "\u007f", "\u0085", "\u009b", "\ud800", "x\udc00y",
            "\udbff\udfff", "' OR 1=1--", "'; DROP TABLE licenses;--", "\" OR \"\"=\"", "../../etc/passwd", "..\\..\\windows\\win.ini",
            "%00", "%2e%2e%2f", "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "{{7*7}}", "\ufeffbom", "\u202egnp.exe",
            "😀", "ﷺ", "TO-AAAA-BBBB-CCCC-DDDD-EEEE", "to_test_", "lic_", "prod_0", "null", "true", "-1", "1e999", "NaN")),
        (3, Gen.String[Gen.Char, 0, 40]),
        (2, Gen.String[Gen.Char.AlphaNumeric, 1, 24]),
        (1, Gen.Int[300, 12_000].Select(n => new string('x', n))));

    private static readonly Gen<string> Numbers = Gen.Frequency(
        (3, Gen.OneOf("0", "-1", "-0", "1.5", "2147483648", "-2147483649", "9223372036854775808", "1e400", "-1e400",
            "99999999999999999999999999999", "0.0000000000000000000001", "1E+2", "-99999999999")),
        (2, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e308")));

    private static readonly Gen<string> Dates = Gen.OneOf(
        "not a date", "2026-13-45T25:61:00Z", "0000-00-00T00:00:00Z", "9999-12-31T23:59:59Z", "-0001-01-01T00:00:00Z",
        "2026-02-30", "2026-01-01T00:00:00+25:00", "1970-01-01", "20261207", "2026-12-07T00:00:00.99999999999Z", "");

    /// <summary>Any hostile JSON value: text, numbers, dates, other types, nesting, long strings.</summary>
    public static readonly Gen<string> Json = Gen.Frequency(
        (5, Text.Select(Quote)),
        (2, Numbers),
        (1, Dates.Select(Quote)),
        (2, Gen.OneOf("null", "true", "false", "{}", "[]", "\"\"", "[null]", "{\"a\":{\"b\":[1,{\"c\":null}]}}", "[\"a\",1,true,null]")),
        (1, Gen.Int[64, 3_000].Select(depth => new string('[', depth) + new string(']', depth))),
        (1, Gen.Int[64, 3_000].Select(depth => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth))),
        (1, Text.Array[0, 6].Select(items => "[" + string.Join(",", items.Select(Quote)) + "]")));

    /// <summary>A path segment or query value: hostile text escaped, or escapes that decode to no valid UTF-8.</summary>
    public static readonly Gen<string> UrlPart = Gen.Frequency(
        (6, Text.Select(Escape)),
        (1, Gen.OneOf("%FF", "%C0%AF", "%ED%A0%80", "%E2%82", "%", "%zz", "%2F", "%5C", "..", ".", "%2e%2e", "%20")),
        (1, Numbers.Select(Escape)),
        (1, Dates.Select(Escape)));

    /// <summary>A JSON string literal holding <paramref name="text"/>, every character outside printable ASCII escaped.</summary>
    public static string Quote(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                < ' ' or > '~' => json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => json.Append(c),
            };
        }

        return json.Append('"').ToString();
    }

    /// <summary>
    /// <paramref name="text"/> percent-escaped byte by byte, a lone surrogate as the three bytes it would take in
    /// UTF-8 (which no valid UTF-8 holds), so the escape reaches the server as it was generated.
    /// </summary>
    public static string Escape(string text)
    {
        var url = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text[i], text[++i]) : text[i];
            foreach (var b in Utf8Bytes(codePoint))
            {
                _ = char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~'
                    ? url.Append((char)b)
                    : url.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return url.ToString();
    }

    private static byte[] Utf8Bytes(int codePoint) => codePoint switch
    {
        < 0x80 => [(byte)codePoint],
        < 0x800 => [(byte)(0xC0 | (codePoint >> 6)), (byte)(0x80 | (codePoint & 0x3F))],
        < 0x10000 => [(byte)(0xE0 | (codePoint >> 12)), (byte)(0x80 | ((codePoint >> 6) & 0x3F)), (byte)(0x80 | (codePoint & 0x3F))],
        _ => [(byte)(0xF0 | (codePoint >> 18)), (byte)(0x80 | ((codePoint >> 12) & 0x3F)), (byte)(0x80 | ((codePoint >> 6) & 0x3F)), (byte)(0x80 | (codePoint & 0x3F))],
    };
}
