using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Infrastructure;

namespace Platform.Licensing.Model;

/// <summary>The details a client sends about the machine it runs on.</summary>
public sealed record MachineDetails(string Fingerprint, string? Name, string? Platform, string? Hostname, string? Ip);

public sealed record ActivationResult(License License, Machine Machine, bool NewlyActivated, int Activations);

/// <summary>
/// Binds machines to licenses and frees them. Each operation locks the license's row first, so the
/// activations of one license happen one at a time and its limit holds under any concurrency.
/// </summary>
internal sealed class Activations(LicensingDbContext db)
{
    public async Task<ActivationResult> ActivateAsync(string key, MachineDetails details, CancellationToken cancellationToken)
    {
        await using var transaction = await UnitOfWork.BeginAsync(db, cancellationToken);
        var locked = await db.LockByKeyAsync(key, cancellationToken);
        var license = locked.License;
        var now = DateTimeOffset.UtcNow;
        var existing = await db.Machines.SingleOrDefaultAsync(m => m.LicenseId == license.Id && m.Fingerprint == details.Fingerprint, cancellationToken);
        var count = await db.Machines.CountAsync(m => m.LicenseId == license.Id, cancellationToken);
        if (license.RefusesActivation(existing is null ? count : 0, locked.Terms, now) is { } refusal)
        {
            throw LicenseRefusedException.For(refusal, license, locked.Terms);
        }

        if (existing is not null)
        {
            // The same machine again: nothing new, just seen.
            existing.LastSeenAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ActivationResult(license, existing, NewlyActivated: false, count);
        }

        var machine = new Machine
        {
            Id = Ids.New("mach"),
            LicenseId = license.Id,
            Fingerprint = details.Fingerprint,
            Name = details.Name,
            Platform = details.Platform,
            Hostname = details.Hostname,
            Ip = details.Ip,
            ActivatedAt = now,
            LastSeenAt = now,
        };
        db.Machines.Add(machine);
        license.MachinesChanged(now);
        LicenseEvents.Record(db, "license.activated", license, now, new { machineId = machine.Id, fingerprint = machine.Fingerprint, activations = count + 1 });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ActivationResult(license, machine, NewlyActivated: true, count + 1);
    }

    /// <returns>The license and how many machines remain, or null if the machine was not activated on it.</returns>
    public async Task<(License License, int Activations)?> DeactivateAsync(string key, string fingerprint, CancellationToken cancellationToken)
    {
        await using var transaction = await UnitOfWork.BeginAsync(db, cancellationToken);
        var license = (await db.LockByKeyAsync(key, cancellationToken)).License;
        var machine = await db.Machines.SingleOrDefaultAsync(m => m.LicenseId == license.Id && m.Fingerprint == fingerprint, cancellationToken);
        if (machine is null)
        {
            return null;
        }

        var now = DateTimeOffset.UtcNow;
        db.Machines.Remove(machine);
        license.MachinesChanged(now);
        LicenseEvents.Record(db, "license.deactivated", license, now, new { machineId = machine.Id, fingerprint });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (license, await db.Machines.CountAsync(m => m.LicenseId == license.Id, cancellationToken));
    }
}
