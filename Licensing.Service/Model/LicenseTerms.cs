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

    public static LicenseTerms Of(License license, Plan? plan) => new(
        plan?.Name,
        plan?.DurationDays,
        license.MaxActivations ?? plan?.MaxActivations ?? DefaultMaxActivations,
        license.MaxDomains ?? plan?.MaxDomains,
        license.MaxSeats ?? plan?.MaxSeats,
        plan is null ? license.Features : [.. plan.Features.Union(license.Features, StringComparer.Ordinal)],
        plan?.RequiresActivation ?? false,
        plan?.SeatLeaseSeconds ?? DefaultSeatLeaseSeconds,
        plan?.OfflineGraceDays ?? 0,
        plan?.ExpiryBehavior ?? ExpiryBehavior.Restrict);
}
