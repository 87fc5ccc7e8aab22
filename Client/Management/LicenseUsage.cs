namespace LicensePlatform.Client.Management;

/// <summary>A license's validations: the count, per day, and the latest reports.</summary>
/// <param name="LicenseId">The license.</param>
/// <param name="ValidationCount">Validations in all.</param>
/// <param name="LastValidatedAt">When it was last validated; null if never.</param>
/// <param name="Daily">Validations and refusals per UTC day over the days asked for, only days that had any, the oldest first.</param>
/// <param name="Recent">The 20 latest usage reports, the newest first.</param>
public sealed record LicenseUsage(
    string LicenseId,
    long ValidationCount,
    DateTimeOffset? LastValidatedAt,
    IReadOnlyList<UsageDay> Daily,
    IReadOnlyList<UsageRecord> Recent);
