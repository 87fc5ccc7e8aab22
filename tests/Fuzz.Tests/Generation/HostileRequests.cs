using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Platform.Fuzz.Tests.Generation;

/// <summary>
/// The generator of requests to the operations of the public OpenAPI document: each picks an operation and fills its
/// path with real or hostile ids, its query with hostile paging and filters, and its body from the operation's schema,
/// each field plausible or hostile, the whole body sometimes duplicated, truncated, mis-encoded, of another type or
/// over a megabyte; its credential is the admin key, none, or garbage.
/// </summary>
internal sealed class HostileRequests(JsonNode document, IReadOnlyList<PublicOperation> operations, IReadOnlyList<string> knownIds)
{
    private static readonly Gen<string> GarbageCredential = Gen.Frequency(
        (3, Gen.String[Gen.Char[' ', '~'], 0, 200].Select(text => "Bearer " + text)),
        (1, Gen.String[Gen.Char[' ', '~'], 0, 60]),
        (2, Gen.String.AlphaNumeric.Select(text => "Bearer to_test_" + text)),
        (1, Gen.String.AlphaNumeric.Select(text => "Bearer to_live_" + text)),
        (1, Gen.OneOf("Bearer eyJhbGciOiJub25lIn0.eyJzY29wZSI6ImFkbWluIn0.", "Bearer a.b.c", "Basic Zm9vOmJhcg==", "Bearer", "Bearer ")),
        (1, Gen.Int[5_000, 12_000].Select(n => "Bearer to_test_" + new string('k', n))));

    private static readonly Gen<string?> ContentTypes = Gen.Frequency(
        (14, Gen.Const<string?>(HostileRequest.Json)),
        (1, Gen.OneOf<string?>(null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=latin1", "application/xml", "application/json; charset=utf-16", "*/*", "application/jsonx", ";;")));

    public Gen<HostileRequest> Requests()
    {
        var ids = Gen.Frequency((2, Gen.OneOf([.. knownIds])), (3, HostileValues.UrlPart), (1, Gen.String.AlphaNumeric));
        var credentials = Gen.Frequency((14, Gen.Const(Credential.AdminKey)), (1, Gen.Const(Credential.None)), (2, Gen.Const(Credential.Garbage)));
        return from operation in Gen.OneOf([.. operations])
               from pathIds in ids.Array[2]
               from query in Query(operation)
               from body in operation.HasBody ? Body(operation) : Gen.Const((byte[]?)null)
               from contentType in ContentTypes
               from credential in credentials
               from garbage in GarbageCredential
               select new HostileRequest(operation, operation.PathWith(pathIds) + query, credential, garbage, body, contentType);
    }

    /// <summary>A query string: some of the operation's parameters, hostile or plausible, sometimes repeated or unknown.</summary>
    private static Gen<string> Query(PublicOperation operation)
    {
        var value = Gen.Frequency((3, HostileValues.UrlPart), (1, Gen.OneOf("1", "20", "100", "0", "active", "2026-01-01T00:00:00Z")));
        var names = Gen.Frequency((6, operation.QueryParameters.Count > 0 ? Gen.OneOf([.. operation.QueryParameters]) : Gen.Const("page")),
            (1, Gen.OneOf("page", "limit", "offset", "unknown", "page%00", "", "%ED%A0%80")));
        return (from name in names from v in value select $"{name}={v}").Array[0, 5]
            .Select(pairs => pairs.Length == 0 ? "" : "?" + string.Join("&", pairs));
    }

    /// <summary>A body for the operation: its schema's fields, then perhaps broken as a whole.</summary>
    private Gen<byte[]?> Body(PublicOperation operation)
    {
        var json = operation.BodySchema is { } schema ? ObjectOf(schema, depth: 0) : HostileValues.Json;
        return Gen.Frequency(
            (8, json.Select(Utf8)),
            (1, json.Select(text => Utf8(DuplicateFirstKey(text)))),
            (1, from text in json from cut in Gen.Int[0, Math.Max(0, text.Length - 1)] select Utf8(text[..cut])),
            (1, from text in json from at in Gen.Int[0, text.Length] from bad in Gen.OneOf<byte[]>([0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x00])
                select (byte[]?)[.. Utf8(text[..at])!, .. bad, .. Utf8(text[at..])!]),
            (1, HostileValues.Json.Select(Utf8)),
            (1, Gen.Const((byte[]?)[])),
            (1, Gen.Const((byte[]?)null)),
            (1, Gen.Int[1_000_000, 1_100_000].Select(n => Utf8("{\"name\":\"" + new string('x', n) + "\"}"))));
    }

    /// <summary>An object with some of the schema's properties, each value plausible for its type or hostile.</summary>
    private Gen<string> ObjectOf(JsonObject schema, int depth)
    {
        var properties = schema["properties"]?.AsObject().Select(p => (p.Key, Schema: PublicOperation.Resolve(document, p.Value!))).ToList() ?? [];
        if (properties.Count == 0)
        {
            return Gen.Frequency((3, Gen.Const("{}")), (1, HostileValues.Json));
        }

        var fields = properties.Select(p =>
            from included in Gen.Int[0, 2]
            from value in ValueOf(p.Schema, depth)
            select included == 0 ? null : $"{HostileValues.Quote(p.Key)}:{value}");
        return fields.Aggregate(Gen.Const(Array.Empty<string?>()), (all, field) => all.SelectMany(list => field.Select(f => (string?[])[.. list, f])))
            .Select(list => "{" + string.Join(",", list.OfType<string>()) + "}");
    }

    private Gen<string> ValueOf(JsonObject schema, int depth)
    {
        var types = schema["type"] switch
        {
            JsonArray array => array.Select(t => t!.GetValue<string>()).ToArray(),
            JsonValue single => [single.GetValue<string>()],
            _ => [],
        };
        Gen<string> plausible = types.Contains("integer") ? Gen.Int[0, 10].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : types.Contains("boolean") ? Gen.OneOf("true", "false")
            : types.Contains("array") ? Gen.OneOf("[]", "[\"fuzz\"]", "[\"a.example\",\"b.example\"]")
            : types.Contains("object") && depth < 2 ? ObjectOf(schema, depth + 1)
            : schema["format"]?.GetValue<string>() == "date-time" ? Gen.OneOf("\"2030-01-01T00:00:00Z\"", "\"2020-01-01T00:00:00Z\"")
            : Gen.Frequency((3, Gen.String.AlphaNumeric.Select(HostileValues.Quote)), (1, Gen.OneOf("\"https://example.com/hooks\"", "\"a@example.com\"", "\"subscription\"", "\"license.created\"")));
        if (types.Contains("array") && schema["items"] is JsonObject items && depth < 2)
        {
            var item = PublicOperation.Resolve(document, items);
            plausible = Gen.Frequency((2, plausible), (1, ValueOf(item, depth + 1).Array[0, 3].Select(values => "[" + string.Join(",", values) + "]")));
        }

        return Gen.Frequency((1, plausible), (1, HostileValues.Json));
    }

    /// <summary>The object with its first property written twice (the second with another value), or as it was.</summary>
    private static string DuplicateFirstKey(string json)
    {
        var colon = json.IndexOf("\":", StringComparison.Ordinal);
        return json.StartsWith("{\"", StringComparison.Ordinal) && colon > 0 ? $"{json[..(colon + 2)]}123,{json[1..]}" : json;
    }

    private static byte[]? Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
