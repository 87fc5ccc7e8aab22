using System.Text.Json.Serialization;
using Google.Protobuf.WellKnownTypes;

namespace Platform.Validation.Model;

/// <summary>
/// The license as a valid answer shows it (camelCase, as the reference's validate response). Its lists are arrays: the
/// serializer walks an array directly, where an interface-typed list costs an enumerator object on every answer.
/// </summary>
internal sealed record LicenseView(
    string Id,
    string Key,
    string Status,
    string Type,
    string? Plan,
    string ProductId,
    string[] Features,
    DateTimeOffset? ExpiresAt,
    int Activations,
    int? MaxActivations,
    string[] Domains,
    int? MaxDomains,
    int SeatsInUse,
    int? MaxSeats,
    DateTimeOffset? KeyValidUntil,
    IReadOnlyDictionary<string, string> Metadata)
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
