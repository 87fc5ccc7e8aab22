namespace LicensePlatform.Client.Management;

/// <summary>
/// A license as import and export carry it: its key and terms, without ids or counters. An import keeps the key as it is
/// (a platform key, its checksum checked, or any other 8–128 letters, digits, <c>-</c>, <c>_</c>, <c>.</c>) and what it
/// brings: a missing type is perpetual, a past expiry stays, a missing machine limit is 1.
/// </summary>
public sealed record PortableLicense
{
    /// <summary>The license key. Required.</summary>
    public required string Key { get; init; }

    /// <summary>The product it is for. Required.</summary>
    public required string ProductId { get; init; }

    /// <summary>Its plan, a plan of the same product.</summary>
    public string? PlanId { get; init; }

    /// <summary>Its status (active when not set).</summary>
    public LicenseStatus? Status { get; init; }

    /// <summary>What kind of license it is (perpetual when not set).</summary>
    public LicenseType? Type { get; init; }

    /// <summary>The customer it was issued to.</summary>
    public string? CustomerEmail { get; init; }

    /// <summary>Its own machine limit.</summary>
    public int? MaxActivations { get; init; }

    /// <summary>Its own domain limit.</summary>
    public int? MaxDomains { get; init; }

    /// <summary>Its own number of floating seats.</summary>
    public int? MaxSeats { get; init; }

    /// <summary>Its domains.</summary>
    public IReadOnlyList<string>? Domains { get; init; }

    /// <summary>Its own features (without its plan's).</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>When it ends; null if never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The vendor's own key/value pairs.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}
