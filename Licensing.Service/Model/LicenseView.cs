using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Licensing.Infrastructure;

namespace Platform.Licensing.Model;

/// <summary>A license as the API answers it and as events carry it (webhooks deliver this shape in <c>data</c>).</summary>
public sealed record LicenseView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("product")] string Product,
    [property: JsonPropertyName("plan")] string? Plan,
    [property: JsonPropertyName("plan_name")] string? PlanName,
    [property: JsonPropertyName("customer_email")] string? CustomerEmail,
    [property: JsonPropertyName("max_domains")] int? MaxDomains,
    [property: JsonPropertyName("domains")] IReadOnlyList<string> Domains,
    [property: JsonPropertyName("activations")] int Activations,
    [property: JsonPropertyName("maxActivations")] int? MaxActivations,
    [property: JsonPropertyName("max_seats")] int? MaxSeats,
    [property: JsonPropertyName("features")] IReadOnlyList<string> Features,
    [property: JsonPropertyName("metadata")] JsonElement Metadata,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("last_validated_at")] DateTimeOffset? LastValidatedAt,
    [property: JsonPropertyName("validation_count")] long ValidationCount,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("expiry_behavior")] string ExpiryBehavior,
    [property: JsonPropertyName("previous_key_valid_until")] DateTimeOffset? PreviousKeyValidUntil)
{
    /// <summary>The license as the API shows it, with the limits and features that apply (its own, else its plan's).</summary>
    public static LicenseView Of(License license, Plan? plan, int activations)
    {
        var terms = LicenseTerms.Of(license, plan);
        return new(
            license.Id, license.Key, Lower(license.Status), Lower(license.Type), license.ProductId, license.PlanId, terms.PlanName,
            license.CustomerEmail, terms.MaxDomains, license.Domains, activations, terms.MaxActivations, terms.MaxSeats, terms.Features,
            JsonDocument.Parse(license.Metadata).RootElement, license.CreatedAt, license.ExpiresAt, license.LastValidatedAt,
            license.ValidationCount, license.Version, LicensingDbContext.SnakeCase(terms.ExpiryBehavior.ToString()), license.PreviousKeyValidUntil);
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
