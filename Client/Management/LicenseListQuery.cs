namespace LicensePlatform.Client.Management;

/// <summary>Which licenses to list, and which page; every filter that is set must hold.</summary>
public sealed record LicenseListQuery
{
    /// <summary>The page, from 1 (default 1).</summary>
    public int? Page { get; init; }

    /// <summary>Licenses per page, 1–100 (default 20).</summary>
    public int? Limit { get; init; }

    /// <summary>Only licenses in this status.</summary>
    public LicenseStatus? Status { get; init; }

    /// <summary>Only licenses of this product.</summary>
    public string? ProductId { get; init; }

    /// <summary>Only licenses on this plan.</summary>
    public string? PlanId { get; init; }

    /// <summary>Only licenses of this customer (compared in lower case).</summary>
    public string? CustomerEmail { get; init; }
}
