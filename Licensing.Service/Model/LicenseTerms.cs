namespace Platform.Licensing.Model;

/// <summary>
/// What applies to a license: its own limits where it overrides them, its plan's otherwise (null: no limit), save
/// activations, which are <see cref="DefaultMaxActivations"/> where neither sets them (the reference's default).
/// Features are the plan's and the license's together.
/// </summary>
public sealed record LicenseTerms(
    string? PlanName, int? DurationDays, int MaxActivations, int? MaxDomains, int? MaxSeats, IReadOnlyList<string> Features,
    bool RequiresActivation, int SeatLeaseSeconds, int OfflineGraceDays, ExpiryBehavior ExpiryBehavior)
{
    public const int DefaultMaxActivations = 1;
    private const int DefaultSeatLeaseSeconds = 900;

    public static LicenseTerms Of(License license, Plan? plan) =>
        Of(license.MaxActivations, license.MaxDomains, license.MaxSeats, license.Features, plan);

    /// <summary>The terms of a license with these limits and features of its own (null: its plan's) on <paramref name="plan"/>.</summary>
    public static LicenseTerms Of(int? maxActivations, int? maxDomains, int? maxSeats, IReadOnlyList<string> features, Plan? plan) => new(
        plan?.Name,
        plan?.DurationDays,
        maxActivations ?? plan?.MaxActivations ?? DefaultMaxActivations,
        maxDomains ?? plan?.MaxDomains,
        maxSeats ?? plan?.MaxSeats,
        plan is null ? features : [.. plan.Features.Union(features, StringComparer.Ordinal)],
        plan?.RequiresActivation ?? false,
        plan?.SeatLeaseSeconds ?? DefaultSeatLeaseSeconds,
        plan?.OfflineGraceDays ?? 0,
        plan?.ExpiryBehavior ?? ExpiryBehavior.Restrict);
}
