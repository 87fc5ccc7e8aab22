namespace LicensePlatform.Client.Management;

/// <summary>A plan to create.</summary>
public sealed record CreatePlanRequest
{
    /// <summary>The product it is for. Required.</summary>
    public required string ProductId { get; init; }

    /// <summary>Its name, up to 200 characters. Required.</summary>
    public required string Name { get; init; }

    /// <summary>The type of its licenses (the platform's default when not set: perpetual).</summary>
    public LicenseType? LicenseType { get; init; }

    /// <summary>How long its licenses last, 1–36500 days; they do not end when not set.</summary>
    public int? DurationDays { get; init; }

    /// <summary>How many machines a license may activate.</summary>
    public int? MaxActivations { get; init; }

    /// <summary>How many domains a license may bind.</summary>
    public int? MaxDomains { get; init; }

    /// <summary>Floating seats per license.</summary>
    public int? MaxSeats { get; init; }

    /// <summary>The features its licenses include.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Whether a machine must be activated before it validates.</summary>
    public bool? RequiresActivation { get; init; }

    /// <summary>How long a floating seat's lease lasts without a heartbeat, 30–86400 s (default 900).</summary>
    public int? SeatLeaseSeconds { get; init; }

    /// <summary>How long an offline token lets a license validate without the platform, 0–365 days.</summary>
    public int? OfflineGraceDays { get; init; }

    /// <summary>What its licenses do at expiry (default <see cref="Management.ExpiryBehavior.Restrict"/>).</summary>
    public ExpiryBehavior? ExpiryBehavior { get; init; }

    /// <summary>The vendor's own key/value pairs (at most 16 KB of JSON).</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}
