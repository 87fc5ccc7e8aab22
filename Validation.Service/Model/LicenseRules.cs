using Platform.Validation.Cache;

namespace Platform.Validation.Model;

/// <summary>
/// The read-only checks of a validation against a snapshot, in order: rotated key, status, expiry (per the
/// plan's expiry behaviour), product, machine activation, entitlements, domain. Returns the first refusal, or
/// null; <see cref="NeedsDomainBinding"/> says whether the domain is new and may be bound.
/// </summary>
internal static class LicenseRules
{
    public const string KeepAccess = "keep_access";
    public const string Revoke = "revoke";

    public static Refusal? Check(CachedLicense license, ValidationQuery query, DateTimeOffset now)
    {
        if (license.KeyValidUntil is { } validUntil && now >= validUntil)
        {
            return Refusal.KeyRotated;
        }

        switch (license.Status)
        {
            case "suspended":
                return Refusal.Suspended;
            case "revoked":
                return Refusal.Revoked;
            case "expired" when license.ExpiryBehavior != KeepAccess:
                return license.ExpiryBehavior == Revoke ? Refusal.Revoked : Refusal.Expired;
        }

        if (IsPastExpiry(license, now) && license.ExpiryBehavior != KeepAccess)
        {
            return license.ExpiryBehavior == Revoke ? Refusal.Revoked : Refusal.Expired;
        }

        if (query.ProductId is { } product && !string.Equals(product, license.ProductId, StringComparison.Ordinal))
        {
            return Refusal.ProductMismatch;
        }

        if (license.RequiresActivation && (query.Machine is null || !license.Machines.Contains(query.Machine)))
        {
            return Refusal.MachineNotActivated;
        }

        if (query.Features.Count > 0 && MissingFeatures(license, query.Features) is { Count: > 0 } missing)
        {
            return Refusal.FeatureNotEntitled(missing);
        }

        if (query.Domain is { } domain && !license.Domains.Contains(domain))
        {
            if (license.DomainsFixed)
            {
                return Refusal.DomainMismatch;
            }

            if (license.MaxDomains is { } maxDomains && license.Domains.Count >= maxDomains)
            {
                return Refusal.DomainLimitReached;
            }
        }

        return null;
    }

    // A method of its own: a lambda capturing the license in Check would allocate its closure on every validation.
    private static List<string> MissingFeatures(CachedLicense license, IReadOnlyList<string> requested) =>
        requested.Where(f => !license.Features.Contains(f)).ToList();

    /// <summary>Whether the license is past its expiry time (it may still be valid, with keep_access).</summary>
    public static bool IsPastExpiry(CachedLicense license, DateTimeOffset now) =>
        license.Status == "expired" || (license.ExpiresAt is { } expiresAt && now >= expiresAt);

    /// <summary>The domain is not bound yet and the checks allowed binding it.</summary>
    public static bool NeedsDomainBinding(CachedLicense license, ValidationQuery query) =>
        query.Domain is { } domain && !license.Domains.Contains(domain);
}
