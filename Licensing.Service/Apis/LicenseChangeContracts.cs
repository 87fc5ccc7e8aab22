using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Licensing.Apis;

/// <summary>Changes to a license; a field left out stays as it is.</summary>
internal sealed record UpdateLicenseRequest(
    [property: JsonPropertyName("plan_id")] string? PlanId,
    [property: JsonPropertyName("customer_email")] string? CustomerEmail,
    [property: JsonPropertyName("max_activations")] int? MaxActivations,
    [property: JsonPropertyName("maxActivations")] int? MaxActivationsAlias,
    [property: JsonPropertyName("max_domains")] int? MaxDomains,
    [property: JsonPropertyName("max_seats")] int? MaxSeats,
    [property: JsonPropertyName("domains")] List<string>? Domains,
    [property: JsonPropertyName("features")] List<string>? Features,
    [property: JsonPropertyName("metadata")] JsonElement? Metadata,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt);

/// <summary>Up to 100 licenses in one call: <c>{"licenses":[…]}</c>.</summary>
internal sealed record CreateLicensesRequest([property: JsonPropertyName("licenses")] List<CreateLicenseRequest>? Licenses);

internal sealed record RenewLicenseRequest([property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt);

/// <summary><c>{licenseId, gracePeriodDays}</c> as in the API reference; <c>license_id</c> and <c>grace_period_days</c> too.</summary>
internal sealed record RotateLicenseRequest(
    [property: JsonPropertyName("licenseId")] string? LicenseId,
    [property: JsonPropertyName("license_id")] string? LicenseIdAlias,
    [property: JsonPropertyName("gracePeriodDays")] int? GracePeriodDays,
    [property: JsonPropertyName("grace_period_days")] int? GracePeriodDaysAlias);

internal sealed record RotateLicenseResponse(
    [property: JsonPropertyName("licenseId")] string LicenseId,
    [property: JsonPropertyName("newKey")] string NewKey,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset ExpiresAt);
