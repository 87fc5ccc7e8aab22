namespace LicensePlatform.Client;

/// <summary>What a verified offline token vouches for (its payload).</summary>
/// <param name="LicenseId">The license.</param>
/// <param name="ProductId">Its product.</param>
/// <param name="Plan">Its plan's name, if any.</param>
/// <param name="Features">Its features.</param>
/// <param name="Machine">The machine the validation named, if any.</param>
/// <param name="Domain">The domain the validation named, if any.</param>
/// <param name="ExpiresAt">When the license ends; null if never.</param>
/// <param name="IssuedAt">When the platform validated it.</param>
/// <param name="OfflineUntil">Until when it may be used without the platform.</param>
public sealed record OfflineTokenClaims(
    string LicenseId,
    string ProductId,
    string? Plan,
    IReadOnlyList<string> Features,
    string? Machine,
    string? Domain,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset IssuedAt,
    DateTimeOffset OfflineUntil);
