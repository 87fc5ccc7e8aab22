namespace Platform.Licensing.Model;

/// <summary>
/// A policy licenses follow (<c>plan_…</c>): their type, duration, limits, features, seat lease, offline grace
/// and what happens at expiry. A license may override the limits; what applies is <see cref="LicenseTerms"/>.
/// </summary>
public sealed class Plan
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required ApiEnvironment Environment { get; init; }
    public required string ProductId { get; init; }
    public required string Name { get; set; }
    public LicenseType LicenseType { get; set; } = LicenseType.Perpetual;

    /// <summary>How long a new or renewed license runs; null: it does not expire.</summary>
    public int? DurationDays { get; set; }

    public int? MaxActivations { get; set; }
    public int? MaxDomains { get; set; }
    public int? MaxSeats { get; set; }
    public List<string> Features { get; set; } = [];
    public bool RequiresActivation { get; set; }
    public int SeatLeaseSeconds { get; set; } = 900;
    public int OfflineGraceDays { get; set; }
    public ExpiryBehavior ExpiryBehavior { get; set; } = ExpiryBehavior.Restrict;
    public string Metadata { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; init; }
}
