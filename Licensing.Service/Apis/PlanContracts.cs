using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;

namespace Platform.Licensing.Apis;

/// <summary>A plan (policy) to create, or changes to one (a field left out stays as it is).</summary>
internal sealed record PlanRequest(
    string? ProductId,
    string? Name,
    string? LicenseType,
    int? DurationDays,
    int? MaxActivations,
    int? MaxDomains,
    int? MaxSeats,
    List<string>? Features,
    bool? RequiresActivation,
    int? SeatLeaseSeconds,
    int? OfflineGraceDays,
    string? ExpiryBehavior,
    JsonElement? Metadata);

internal sealed record PlanResponse(
    string Id,
    string ProductId,
    string Name,
    string LicenseType,
    int? DurationDays,
    int? MaxActivations,
    int? MaxDomains,
    int? MaxSeats,
    IReadOnlyList<string> Features,
    bool RequiresActivation,
    int SeatLeaseSeconds,
    int OfflineGraceDays,
    string ExpiryBehavior,
    JsonElement Metadata,
    DateTimeOffset CreatedAt)
{
    public static PlanResponse Of(Plan plan) => new(
        plan.Id, plan.ProductId, plan.Name, plan.LicenseType.ToString().ToLowerInvariant(), plan.DurationDays, plan.MaxActivations,
        plan.MaxDomains, plan.MaxSeats, plan.Features, plan.RequiresActivation, plan.SeatLeaseSeconds, plan.OfflineGraceDays,
        LicensingDbContext.SnakeCase(plan.ExpiryBehavior.ToString()), JsonDocument.Parse(plan.Metadata).RootElement, plan.CreatedAt);
}
