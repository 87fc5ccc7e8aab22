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
    [property: JsonPropertyName("expiresAt")] DateTimeOffset? ExpiresAtAlias,
    [property: JsonPropertyName("plan_id")] string? PlanId,
    [property: JsonPropertyName("planId")] string? PlanIdAlias,
    [property: JsonPropertyName("max_seats")] int? MaxSeats,
    [property: JsonPropertyName("maxSeats")] int? MaxSeatsAlias);
