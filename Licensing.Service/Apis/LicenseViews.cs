using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;

namespace Platform.Licensing.Apis;

/// <summary>Builds <see cref="LicenseView"/>s with what they need from other tables (plans, activation counts) in one query each.</summary>
internal static class LicenseViews
{
    public static async Task<LicenseView> ForAsync(LicensingDbContext db, License license, CancellationToken cancellationToken) =>
        (await ForAsync(db, [license], cancellationToken))[0];

    public static async Task<List<LicenseView>> ForAsync(LicensingDbContext db, IReadOnlyList<License> licenses, CancellationToken cancellationToken)
    {
        var ids = licenses.Select(l => l.Id).ToList();
        var planIds = licenses.Where(l => l.PlanId is not null).Select(l => l.PlanId!).Distinct().ToList();
        var counts = await db.Machines.Where(m => ids.Contains(m.LicenseId)).GroupBy(m => m.LicenseId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var plans = planIds.Count == 0
            ? []
            : await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. licenses.Select(l => LicenseView.Of(l, l.PlanId is null ? null : plans.GetValueOrDefault(l.PlanId), counts.GetValueOrDefault(l.Id)))];
    }
}
