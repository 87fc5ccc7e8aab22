using System.Collections.ObjectModel;
using System.Text.Json.Serialization;
using CommunityToolkit.HighPerformance.Buffers;
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
    /// <summary>
    /// The view of a snapshot. Strings many licenses share (status, type, plan, product, features) come from one pool
    /// (<see cref="StringPool.Shared"/>), and no metadata is one shared empty map: cache entries keep their views.
    /// </summary>
    public static LicenseView Of(LicenseSnapshot s) => new(
        s.Id,
        s.Key,
        Shared(s.Status),
        Shared(s.Type),
        s.PlanName.Length > 0 ? Shared(s.PlanName) : s.PlanId.Length > 0 ? Shared(s.PlanId) : null,
        Shared(s.ProductId),
        [.. s.Features.Select(Shared)],
        Time(s.ExpiresAt),
        s.Activations,
        s.HasMaxActivations ? s.MaxActivations : null,
        [.. s.Domains],
        s.HasMaxDomains ? s.MaxDomains : null,
        s.SeatsInUse,
        s.HasMaxSeats ? s.MaxSeats : null,
        Time(s.KeyValidUntil),
        s.Metadata.Count == 0 ? ReadOnlyDictionary<string, string>.Empty : new Dictionary<string, string>(s.Metadata, StringComparer.Ordinal));

    public static DateTimeOffset? Time(Timestamp? timestamp) => timestamp is null ? null : timestamp.ToDateTimeOffset();

    /// <summary>The one instance of a string many licenses hold (<see cref="StringPool.Shared"/>: bounded, thread-safe).</summary>
    internal static string Shared(string value) => StringPool.Shared.GetOrAdd(value);
}
