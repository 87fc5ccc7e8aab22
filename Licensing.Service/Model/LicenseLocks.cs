using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Infrastructure;

namespace Platform.Licensing.Model;

/// <summary>A license read with its row locked until the transaction ends, so changes to one license happen one at a time.</summary>
internal sealed record LockedLicense(License License, Plan? Plan)
{
    public LicenseTerms Terms { get; } = LicenseTerms.Of(License, Plan);
}

internal static class LicenseLocks
{
    /// <summary>
    /// Locks the license that has <paramref name="key"/> as its key, or as its previous key still in its grace
    /// period. Not found is <see cref="KeyNotFoundException"/>. Call inside a transaction.
    /// </summary>
    public static async Task<LockedLicense> LockByKeyAsync(this LicensingDbContext db, string key, CancellationToken cancellationToken)
    {
        // Uncomposed, so EF sends the statement as written, lock clause included.
        var rows = await db.Licenses.FromSql(
            $"SELECT * FROM licenses WHERE key = {key} OR (previous_key = {key} AND previous_key_valid_until > now()) FOR UPDATE")
            .ToListAsync(cancellationToken);
        var license = rows.SingleOrDefault() ?? throw new KeyNotFoundException("No license has this key.");
        return new LockedLicense(license, await db.PlanOfAsync(license, cancellationToken));
    }

    public static async Task<Plan?> PlanOfAsync(this LicensingDbContext db, License license, CancellationToken cancellationToken) =>
        license.PlanId is null ? null : await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == license.PlanId, cancellationToken);
}
