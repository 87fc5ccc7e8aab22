using Platform.Licensing.Infrastructure;

namespace Platform.Licensing.Model;

/// <summary>
/// Domains of a license. A vendor-set list is fixed (any other domain is a mismatch); otherwise a domain is
/// bound the first time the license is validated for it, up to the limit. Locks the license's row, so two
/// new domains validated together cannot both take the last slot.
/// </summary>
internal sealed class DomainBindings(LicensingDbContext db)
{
    public const int MaxDomainLength = 253;

    public async Task<License> BindAsync(string key, string domain, CancellationToken cancellationToken)
    {
        var normalized = domain.Trim().TrimEnd('.').ToLowerInvariant();
        await using var transaction = await UnitOfWork.BeginAsync(db, cancellationToken);
        var locked = await db.LockByKeyAsync(key, cancellationToken);
        var (license, terms) = (locked.License, locked.Terms);
        if (license.Domains.Contains(normalized, StringComparer.Ordinal))
        {
            return license;
        }

        if (license.DomainsFixed)
        {
            throw LicenseRefusedException.For("DOMAIN_MISMATCH", license, terms);
        }

        if (terms.MaxDomains is { } limit && license.Domains.Count >= limit)
        {
            throw LicenseRefusedException.For("DOMAIN_LIMIT_REACHED", license, terms);
        }

        var now = DateTimeOffset.UtcNow;
        license.Domains = [.. license.Domains, normalized];
        var eventType = license.Updated(now);
        LicenseEvents.Record(db, eventType, license, now, new { domain = normalized, domains = license.Domains });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return license;
    }
}
