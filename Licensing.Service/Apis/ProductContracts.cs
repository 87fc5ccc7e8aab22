using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Licensing.Model;

namespace Platform.Licensing.Apis;

internal sealed record CreateProductRequest(
    string? Name,
    List<string>? Platforms,
    JsonElement? Metadata);

internal sealed record ProductResponse(
    string Id,
    string Name,
    IReadOnlyList<string> Platforms,
    JsonElement Metadata,
    DateTimeOffset CreatedAt)
{
    public static ProductResponse Of(Product product) =>
        new(product.Id, product.Name, product.Platforms, JsonDocument.Parse(product.Metadata).RootElement, product.CreatedAt);
}
