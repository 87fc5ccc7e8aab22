using System.Text.Json.Nodes;

namespace Platform.Fuzz.Tests;

/// <summary>One operation of the Gateway's public OpenAPI document, with what a request to it may carry.</summary>
public sealed record PublicOperation(string Method, string Template, IReadOnlyList<string> QueryParameters, JsonObject? BodySchema)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public bool HasBody => BodySchema is not null || Method is "post" or "put" or "patch";

    public override string ToString() => $"{Method.ToUpperInvariant()} {Template}";

    /// <summary>The path with its parameters filled in turn from <paramref name="ids"/> (already escaped for a URL).</summary>
    public string PathWith(params string[] ids)
    {
        var path = new System.Text.StringBuilder();
        var next = 0;
        foreach (var segment in Template.Split('/'))
        {
            path.Append(path.Length > 0 || segment.Length > 0 ? "/" : "").Append(segment.StartsWith('{') ? ids[next++ % ids.Length] : segment);
        }

        return path.ToString();
    }

    /// <summary>Every operation of the document, its request body's schema resolved.</summary>
    public static IReadOnlyList<PublicOperation> AllOf(JsonNode document)
    {
        var operations = new List<PublicOperation>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => Methods.Contains(o.Key)))
            {
                var query = (operation!["parameters"] ?? item["parameters"])?.AsArray()
                    .Where(p => p!["in"]?.GetValue<string>() == "query")
                    .Select(p => p!["name"]!.GetValue<string>())
                    .ToList() ?? [];
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                operations.Add(new PublicOperation(method, template, query, body is null ? null : Resolve(document, body)));
            }
        }

        return operations;
    }

    /// <summary>The schema a <c>$ref</c> names (or the schema itself), as an object.</summary>
    public static JsonObject Resolve(JsonNode document, JsonNode schema)
    {
        for (var depth = 0; depth < 8 && schema["$ref"]?.GetValue<string>() is { } reference; depth++)
        {
            schema = document["components"]!["schemas"]![reference.Split('/')[^1]]!;
        }

        return schema.AsObject();
    }
}
