using System.Text.Json.Nodes;

namespace Platform.Gateway.OpenApi;

/// <summary>Merges a service's component schemas into the public document's, renaming the ones whose name another service took differently.</summary>
internal static class SchemaMerger
{
    private const string Prefix = "#/components/schemas/";

    public static void MergeInto(JsonObject schemas, JsonObject upstream, string service)
    {
        if (upstream["components"]?["schemas"] is not JsonObject theirs)
        {
            return;
        }

        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, schema) in theirs)
        {
            if (schemas[name] is { } existing && !JsonNode.DeepEquals(existing, schema))
            {
                renames[name] = char.ToUpperInvariant(service[0]) + service[1..] + name;
            }
        }

        if (renames.Count > 0)
        {
            Rewrite(upstream, renames);
        }

        foreach (var (name, schema) in theirs)
        {
            schemas[renames.GetValueOrDefault(name, name)] = schema?.DeepClone();
        }
    }

    private static void Rewrite(JsonNode? node, Dictionary<string, string> renames)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target) &&
                    target.StartsWith(Prefix, StringComparison.Ordinal) && renames.TryGetValue(target[Prefix.Length..], out var renamed))
                {
                    obj["$ref"] = Prefix + renamed;
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Rewrite(child, renames);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Rewrite(child, renames);
                }

                break;
        }
    }
}
