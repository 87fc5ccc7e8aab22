namespace LicensePlatform.Client.Management;

/// <summary>Changes to a plan: what is not set stays as it is. A change applies at once to every license on the plan.</summary>
public sealed record UpdatePlanRequest
{
    /// <summary>A new name, up to 200 characters.</summary>
    public string? Name { get; init; }

    /// <summary>A new type for its licenses.</summary>
    public LicenseType? LicenseType { get; init; }

    /// <summary>A new duration, 1–36500 days.</summary>
    public int? DurationDays { get; init; }

    /// <summary>A new machine limit.</summary>
    public int? MaxActivations { get; init; }

    /// <summary>A new domain limit.</summary>
    public int? MaxDomains { get; init; }

    /// <summary>A new number of floating seats.</summary>
    public int? MaxSeats { get; init; }

    /// <summary>The features, replacing the plan's.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Whether a machine must be activated before it validates.</summary>
    public bool? RequiresActivation { get; init; }

    /// <summary>A new seat lease length, 30–86400 s.</summary>
    public int? SeatLeaseSeconds { get; init; }

    /// <summary>A new offline grace, 0–365 days.</summary>
    public int? OfflineGraceDays { get; init; }

    /// <summary>A new expiry behaviour.</summary>
    public ExpiryBehavior? ExpiryBehavior { get; init; }

    /// <summary>The metadata, replacing the plan's.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}
