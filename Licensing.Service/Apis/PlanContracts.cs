using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;

namespace Platform.Licensing.Apis;

/// <summary>A plan (policy) to create, or changes to one (a field left out stays as it is).</summary>
internal sealed record PlanRequest(
    [property: JsonPropertyName("product_id")] string? ProductId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("license_type")] string? LicenseType,
    [property: JsonPropertyName("duration_days")] int? DurationDays,
    [property: JsonPropertyName("max_activations")] int? MaxActivations,
    [property: JsonPropertyName("max_domains")] int? MaxDomains,
    [property: JsonPropertyName("max_seats")] int? MaxSeats,
    [property: JsonPropertyName("features")] List<string>? Features,
    [property: JsonPropertyName("requires_activation")] bool? RequiresActivation,
    [property: JsonPropertyName("seat_lease_seconds")] int? SeatLeaseSeconds,
    [property: JsonPropertyName("offline_grace_days")] int? OfflineGraceDays,
    [property: JsonPropertyName("expiry_behavior")] string? ExpiryBehavior,
    [property: JsonPropertyName("metadata")] JsonElement? Metadata);

internal sealed record PlanResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("product")] string Product,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("license_type")] string LicenseType,
    [property: JsonPropertyName("duration_days")] int? DurationDays,
    [property: JsonPropertyName("max_activations")] int? MaxActivations,
    [property: JsonPropertyName("max_domains")] int? MaxDomains,
    [property: JsonPropertyName("max_seats")] int? MaxSeats,
    [property: JsonPropertyName("features")] IReadOnlyList<string> Features,
    [property: JsonPropertyName("requires_activation")] bool RequiresActivation,
    [property: JsonPropertyName("seat_lease_seconds")] int SeatLeaseSeconds,
    [property: JsonPropertyName("offline_grace_days")] int OfflineGraceDays,
    [property: JsonPropertyName("expiry_behavior")] string ExpiryBehavior,
    [property: JsonPropertyName("metadata")] JsonElement Metadata,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt)
{
    public static PlanResponse Of(Plan plan) => new(
        plan.Id, plan.ProductId, plan.Name, plan.LicenseType.ToString().ToLowerInvariant(), plan.DurationDays, plan.MaxActivations,
        plan.MaxDomains, plan.MaxSeats, plan.Features, plan.RequiresActivation, plan.SeatLeaseSeconds, plan.OfflineGraceDays,
        LicensingDbContext.SnakeCase(plan.ExpiryBehavior.ToString()), JsonDocument.Parse(plan.Metadata).RootElement, plan.CreatedAt);
}
