using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Apis;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;

namespace Platform.Licensing.IntegrationEvents;

/// <summary>
/// Emits <c>license.expiring</c> 30, 7 and 1 days before a license's expiry and marks it expired (per its plan:
/// refused, revoked, or kept usable) with <c>license.expired</c> when the time comes. Each license is claimed
/// with <c>FOR UPDATE SKIP LOCKED</c> and its notice recorded on the row in the transaction that writes the
/// event, so every notice goes out exactly once, whatever the number of replicas and restarts.
/// </summary>
internal sealed class ExpiryScanner(IServiceScopeFactory scopes, ILogger<ExpiryScanner> logger) : BackgroundService
{
    public static readonly int[] NoticeDays = [30, 7, 1];
    private const int BatchSize = 100;

    /// <summary>How often the scanner looks; configurable as <c>Licensing:ExpiryScanSeconds</c>.</summary>
    internal TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ScanBatchAsync(DateTimeOffset.UtcNow, stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Expiry scan failed; retrying");
            }

            await Task.Delay(Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <returns>How many licenses were claimed (a full batch means there may be more).</returns>
    internal async Task<int> ScanBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (in30, in7, in1) = (now.AddDays(30), now.AddDays(7), now.AddDays(1));
        var due = await db.Licenses.FromSql($"""
            SELECT * FROM licenses
            WHERE status = 'active' AND expires_at IS NOT NULL AND (
                expires_at <= {now}
                OR (expires_at <= {in30} AND NOT 30 = ANY(expiry_notices))
                OR (expires_at <= {in7} AND NOT 7 = ANY(expiry_notices))
                OR (expires_at <= {in1} AND NOT 1 = ANY(expiry_notices)))
            ORDER BY expires_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        foreach (var license in due)
        {
            var plan = await db.PlanOfAsync(license, cancellationToken);
            if (license.ExpiresAt <= now)
            {
                var eventType = license.Expire(LicenseTerms.Of(license, plan).ExpiryBehavior, now);
                LicenseEvents.Record(db, eventType, license, now, await LicenseViews.ForAsync(db, license, cancellationToken));
                continue;
            }

            // Only the nearest notice goes out; ones already passed (a license created 5 days before expiry) are skipped.
            var left = license.ExpiresAt!.Value - now;
            var pending = NoticeDays.Where(d => left <= TimeSpan.FromDays(d) && !license.ExpiryNotices.Contains(d)).ToList();
            var nearest = pending.Min();
            foreach (var skipped in pending.Where(d => d != nearest))
            {
                license.ExpiryNotices.Add(skipped);
            }

            var notice = license.NoticeExpiring(nearest, now);
            LicenseEvents.Record(db, notice, license, now, new { daysBefore = nearest }, await LicenseViews.ForAsync(db, license, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}
