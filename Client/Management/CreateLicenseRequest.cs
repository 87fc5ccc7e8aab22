namespace LicensePlatform.Client.Management;

/// <summary>
/// A license to issue. What is not set comes from its plan: type, limits, features and duration (the expiry is now plus
/// the plan's <c>durationDays</c>); features are the plan's plus these. Without a plan the type is required, a subscription
/// needs <see cref="ExpiresAt"/>, a trial lasts 14 days and one machine may be activated.
/// </summary>
public sealed record CreateLicenseRequest
{
    /// <summary>The product it is for. Required.</summary>
    public required string ProductId { get; init; }

    /// <summary>Its plan, a plan of the same product.</summary>
    public string? PlanId { get; init; }

    /// <summary>What kind of license it is; required without a plan.</summary>
    public LicenseType? Type { get; init; }

    /// <summary>The customer it is issued to.</summary>
    public string? CustomerEmail { get; init; }

    /// <summary>How many machines it may activate.</summary>
    public int? MaxActivations { get; init; }

    /// <summary>How many domains it may bind.</summary>
    public int? MaxDomains { get; init; }

    /// <summary>Floating seats.</summary>
    public int? MaxSeats { get; init; }

    /// <summary>A fixed list of domains; without it domains are bound on first validation, up to <see cref="MaxDomains"/>.</summary>
    public IReadOnlyList<string>? Domains { get; init; }

    /// <summary>Features of its own, on top of its plan's.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The vendor's own key/value pairs (at most 16 KB of JSON).</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>When it ends; must be in the future.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
