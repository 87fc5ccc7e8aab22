using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Apis;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;

namespace Platform.Licensing.IntegrationEvents;

/// <summary>
/// Sends <c>validation.failed</c>: at most one event per license and error code every <see cref="Spacing"/>, carrying how
/// many refusals it stands for (<c>count</c>, with <c>firstFailedAt</c> and <c>lastFailedAt</c>), so a flood of bad
/// validations is a trickle of webhooks. The first refusal after a quiet minute is reported on the next pass; those that
/// follow within the minute wait and go out together when it is over. Each notice row is claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> and emptied in the transaction that writes the event, so every refusal is reported once
/// whatever the number of replicas.
/// </summary>
internal sealed class ValidationFailureNotices(LicensingDbContext db)
{
    public const string EventType = "validation.failed";
    public const int BatchSize = 100;
    public static readonly TimeSpan Spacing = TimeSpan.FromMinutes(1);

    /// <returns>How many notices were sent (a full batch means there may be more).</returns>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sentBefore = now - Spacing;
        var due = await db.ValidationFailureNotices.FromSql($"""
            SELECT * FROM validation_failure_notices
            WHERE pending > 0 AND (last_sent_at IS NULL OR last_sent_at <= {sentBefore})
            ORDER BY license_id, code LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var ids = due.Select(n => n.LicenseId).Distinct().ToList();
        var licenses = await db.Licenses.Where(l => ids.Contains(l.Id)).ToListAsync(cancellationToken);
        var views = (await LicenseViews.ForAsync(db, licenses, cancellationToken)).Zip(licenses).ToDictionary(p => p.Second.Id);
        foreach (var notice in due)
        {
            // Licenses are never deleted, and the fold counts refusals only of licenses it found.
            if (views.TryGetValue(notice.LicenseId, out var found))
            {
                LicenseEvents.Record(db, EventType, found.Second, now, new
                {
                    code = notice.Code,
                    count = notice.Pending,
                    firstFailedAt = notice.FirstFailedAt,
                    lastFailedAt = notice.LastFailedAt,
                }, found.First);
            }

            notice.Pending = 0;
            notice.LastSentAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}
