using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Licensing.Infrastructure;

namespace Platform.Licensing.Model;

/// <summary>A license as the API answers it and as events carry it (webhooks deliver this shape in <c>data</c>).</summary>
public sealed record LicenseView(
    string Id,
    string Key,
    string Status,
    string Type,
    string ProductId,
    string? PlanId,
    string? PlanName,
    string? CustomerEmail,
    int? MaxDomains,
    IReadOnlyList<string> Domains,
    int Activations,
    int MaxActivations,
    int? MaxSeats,
    IReadOnlyList<string> Features,
    JsonElement Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastValidatedAt,
    long ValidationCount,
    long Version,
    string ExpiryBehavior,
    DateTimeOffset? PreviousKeyValidUntil)
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
