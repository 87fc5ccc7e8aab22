using System.Text.Json.Serialization;
using Google.Protobuf.WellKnownTypes;

namespace Platform.Validation.Model;

/// <summary>
/// The license as a valid answer shows it (camelCase, as the reference's validate response). Its lists are arrays: the
/// serializer walks an array directly, where an interface-typed list costs an enumerator object on every answer.
/// </summary>
internal sealed record LicenseView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("plan")] string? Plan,
    [property: JsonPropertyName("productId")] string ProductId,
    [property: JsonPropertyName("features")] string[] Features,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("activations")] int Activations,
    [property: JsonPropertyName("maxActivations")] int? MaxActivations,
    [property: JsonPropertyName("domains")] string[] Domains,
    [property: JsonPropertyName("maxDomains")] int? MaxDomains,
    [property: JsonPropertyName("seatsInUse")] int SeatsInUse,
    [property: JsonPropertyName("maxSeats")] int? MaxSeats,
    [property: JsonPropertyName("keyValidUntil")] DateTimeOffset? KeyValidUntil,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, string> Metadata)
{
    public static LicenseView Of(LicenseSnapshot s) => new(
        s.Id,
        s.Key,
        s.Status,
        s.Type,
        s.PlanName.Length > 0 ? s.PlanName : NullIfEmpty(s.PlanId),
        s.ProductId,
        [.. s.Features],
        Time(s.ExpiresAt),
        s.Activations,
        s.HasMaxActivations ? s.MaxActivations : null,
        [.. s.Domains],
        s.HasMaxDomains ? s.MaxDomains : null,
        s.SeatsInUse,
        s.HasMaxSeats ? s.MaxSeats : null,
        Time(s.KeyValidUntil),
        new Dictionary<string, string>(s.Metadata, StringComparer.Ordinal));

    public static DateTimeOffset? Time(Timestamp? timestamp) => timestamp is null ? null : timestamp.ToDateTimeOffset();

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
