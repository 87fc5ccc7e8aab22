using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Licensing.Model;

namespace Platform.Licensing.Apis;

/// <summary>A new license. Canonical names are snake_case as in the API reference; the camelCase spellings are accepted too.</summary>
internal sealed record CreateLicenseRequest(
    [property: JsonPropertyName("product_id")] string? ProductId,
    [property: JsonPropertyName("productId")] string? ProductIdAlias,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("customer_email")] string? CustomerEmail,
    [property: JsonPropertyName("customerEmail")] string? CustomerEmailAlias,
    [property: JsonPropertyName("max_activations")] int? MaxActivations,
    [property: JsonPropertyName("maxActivations")] int? MaxActivationsAlias,
    [property: JsonPropertyName("max_domains")] int? MaxDomains,
    [property: JsonPropertyName("maxDomains")] int? MaxDomainsAlias,
    [property: JsonPropertyName("domains")] List<string>? Domains,
    [property: JsonPropertyName("features")] List<string>? Features,
    [property: JsonPropertyName("metadata")] JsonElement? Metadata,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset? ExpiresAtAlias);

internal sealed record LicenseResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("product")] string Product,
    [property: JsonPropertyName("customer_email")] string? CustomerEmail,
    [property: JsonPropertyName("max_domains")] int? MaxDomains,
    [property: JsonPropertyName("domains")] IReadOnlyList<string> Domains,
    [property: JsonPropertyName("activations")] int Activations,
    [property: JsonPropertyName("maxActivations")] int? MaxActivations,
    [property: JsonPropertyName("features")] IReadOnlyList<string> Features,
    [property: JsonPropertyName("metadata")] JsonElement Metadata,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("last_validated_at")] DateTimeOffset? LastValidatedAt,
    [property: JsonPropertyName("validation_count")] long ValidationCount,
    [property: JsonPropertyName("version")] long Version)
{
    public static LicenseResponse Of(License license) => new(
        license.Id, license.Key, Lower(license.Status), Lower(license.Type), license.ProductId, license.CustomerEmail,
        license.MaxDomains, license.Domains, 0, license.MaxActivations, license.Features,
        JsonDocument.Parse(license.Metadata).RootElement, license.CreatedAt, license.ExpiresAt, license.LastValidatedAt,
        license.ValidationCount, license.Version);

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
