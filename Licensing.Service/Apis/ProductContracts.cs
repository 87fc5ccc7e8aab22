using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Licensing.Model;

namespace Platform.Licensing.Apis;

internal sealed record CreateProductRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("platforms")] List<string>? Platforms,
    [property: JsonPropertyName("metadata")] JsonElement? Metadata);

internal sealed record ProductResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("platforms")] IReadOnlyList<string> Platforms,
    [property: JsonPropertyName("metadata")] JsonElement Metadata,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt)
{
    public static ProductResponse Of(Product product) =>
        new(product.Id, product.Name, product.Platforms, JsonDocument.Parse(product.Metadata).RootElement, product.CreatedAt);
}
