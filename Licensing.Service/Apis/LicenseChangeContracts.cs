using System.Text.Json;

namespace Platform.Licensing.Apis;

/// <summary>Changes to a license; a field left out stays as it is.</summary>
internal sealed record UpdateLicenseRequest(
    string? PlanId,
    string? CustomerEmail,
    int? MaxActivations,
    int? MaxDomains,
    int? MaxSeats,
    List<string>? Domains,
    List<string>? Features,
    JsonElement? Metadata,
    DateTimeOffset? ExpiresAt);

/// <summary>Up to 100 licenses in one call: <c>{"licenses":[…]}</c>.</summary>
internal sealed record CreateLicensesRequest(List<CreateLicenseRequest>? Licenses);

internal sealed record RenewLicenseRequest(DateTimeOffset? ExpiresAt);

/// <summary><c>{licenseId, gracePeriodDays}</c> as in the API reference; <c>license_id</c> and <c>grace_period_days</c> too.</summary>
internal sealed record RotateLicenseRequest(
    string? LicenseId,
    int? GracePeriodDays);

internal sealed record RotateLicenseResponse(
    string LicenseId,
    string NewKey,
    DateTimeOffset ExpiresAt);
