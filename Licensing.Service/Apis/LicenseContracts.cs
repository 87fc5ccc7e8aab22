using System.Text.Json;
using Platform.Licensing.Model;

namespace Platform.Licensing.Apis;

/// <summary>A new license; each field in the reference's snake_case (<c>product_id</c>) or camelCase (<c>productId</c>).</summary>
internal sealed record CreateLicenseRequest(
    string? ProductId,
    string? Type,
    string? CustomerEmail,
    int? MaxActivations,
    int? MaxDomains,
    List<string>? Domains,
    List<string>? Features,
    JsonElement? Metadata,
    DateTimeOffset? ExpiresAt,
    string? PlanId,
    int? MaxSeats)
{
    /// <summary>A request with no field set (an entry that is null, or that did not read).</summary>
    public static readonly CreateLicenseRequest Empty = new(null, null, null, null, null, null, null, null, null, null, null);
}

/// <summary>The answer to a create, <c>{"license": {…}}</c> as the API reference shows it.</summary>
internal sealed record CreatedLicense(LicenseView License);
