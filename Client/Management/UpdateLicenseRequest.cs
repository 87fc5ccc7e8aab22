namespace LicensePlatform.Client.Management;

/// <summary>Changes to a license: what is not set stays as it is.</summary>
public sealed record UpdateLicenseRequest
{
    /// <summary>Another plan of the license's product.</summary>
    public string? PlanId { get; init; }

    /// <summary>A new customer email.</summary>
    public string? CustomerEmail { get; init; }

    /// <summary>A new machine limit.</summary>
    public int? MaxActivations { get; init; }

    /// <summary>A new domain limit.</summary>
    public int? MaxDomains { get; init; }

    /// <summary>A new number of floating seats.</summary>
    public int? MaxSeats { get; init; }

    /// <summary>The domains, replacing the license's: a non-empty list is fixed, an empty one binds domains on first validation again.</summary>
    public IReadOnlyList<string>? Domains { get; init; }

    /// <summary>The license's own features, replacing them (its plan's still apply).</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The metadata, replacing the license's.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>A new expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
