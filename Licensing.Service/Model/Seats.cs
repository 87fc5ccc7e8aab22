using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Infrastructure;

namespace Platform.Licensing.Model;

public sealed record SeatResult(License License, SeatLease Lease, int SeatsInUse);

/// <summary>
/// Floating seats. A seat is a lease a client renews by heartbeat; a lease past its expiry no longer counts,
/// so a client that vanished frees its seat by itself. Every operation locks the license's row first, so the
/// seat limit holds under any concurrency.
/// </summary>
internal sealed class Seats(LicensingDbContext db)
{
    public async Task<SeatResult> CheckoutAsync(string key, string clientId, CancellationToken cancellationToken)
    {
        await using var transaction = await UnitOfWork.BeginAsync(db, cancellationToken);
        var locked = await db.LockByKeyAsync(key, cancellationToken);
        var (license, terms) = (locked.License, locked.Terms);
        var now = DateTimeOffset.UtcNow;
        if (license.RefusesUse(terms, now) is { } refusal)
        {
            throw LicenseRefusedException.For(refusal, license, terms);
        }

        // Expired leases are only history: drop them so the client ids they held can lease again.
        await db.SeatLeases.Where(l => l.LicenseId == license.Id && l.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var lease = await db.SeatLeases.SingleOrDefaultAsync(l => l.LicenseId == license.Id && l.ClientId == clientId, cancellationToken);
        var inUse = await db.SeatLeases.CountAsync(l => l.LicenseId == license.Id, cancellationToken);
        if (lease is null)
        {
            if (terms.MaxSeats is { } seats && inUse >= seats)
            {
                throw LicenseRefusedException.For("NO_SEATS_AVAILABLE", license, terms);
            }

            lease = new SeatLease { Id = Ids.New("lease"), LicenseId = license.Id, ClientId = clientId, LeasedAt = now };
            db.SeatLeases.Add(lease);
            inUse++;
        }

        lease.ExpiresAt = now.AddSeconds(terms.SeatLeaseSeconds);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SeatResult(license, lease, inUse);
    }

    /// <returns>The renewed lease, or null when it is unknown or already expired (its seat may be someone else's now).</returns>
    public async Task<SeatResult?> HeartbeatAsync(string key, string leaseId, CancellationToken cancellationToken)
    {
        await using var transaction = await UnitOfWork.BeginAsync(db, cancellationToken);
        var locked = await db.LockByKeyAsync(key, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var lease = await db.SeatLeases.SingleOrDefaultAsync(l => l.Id == leaseId && l.LicenseId == locked.License.Id && l.ExpiresAt > now, cancellationToken);
        if (lease is null)
        {
            return null;
        }

        if (locked.License.RefusesUse(locked.Terms, now) is { } refusal)
        {
            throw LicenseRefusedException.For(refusal, locked.License, locked.Terms);
        }

        lease.ExpiresAt = now.AddSeconds(locked.Terms.SeatLeaseSeconds);
        await db.SaveChangesAsync(cancellationToken);
        var inUse = await db.SeatLeases.CountAsync(l => l.LicenseId == locked.License.Id && l.ExpiresAt > now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SeatResult(locked.License, lease, inUse);
    }

    /// <returns>The seats still in use, or null when the lease is unknown or already expired.</returns>
    public async Task<int?> CheckinAsync(string key, string leaseId, CancellationToken cancellationToken)
    {
        await using var transaction = await UnitOfWork.BeginAsync(db, cancellationToken);
        var license = (await db.LockByKeyAsync(key, cancellationToken)).License;
        var now = DateTimeOffset.UtcNow;
        var removed = await db.SeatLeases.Where(l => l.Id == leaseId && l.LicenseId == license.Id && l.ExpiresAt > now).ExecuteDeleteAsync(cancellationToken);
        var inUse = await db.SeatLeases.CountAsync(l => l.LicenseId == license.Id && l.ExpiresAt > now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed == 0 ? null : inUse;
    }

    public Task<int> InUseAsync(string licenseId, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        return db.SeatLeases.CountAsync(l => l.LicenseId == licenseId && l.ExpiresAt > now, cancellationToken);
    }
}
