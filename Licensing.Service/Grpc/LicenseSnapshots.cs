using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.Protos.Licensing.V1;

namespace Platform.Licensing.Grpc;

/// <summary>What Validation caches of a license: everything it needs to answer without asking again, and the version that orders changes.</summary>
internal static class LicenseSnapshots
{
    /// <summary>
    /// The snapshot of <paramref name="license"/> (just changed) as seen through <paramref name="askedKey"/>: its current
    /// key, or its previous one in grace.
    /// </summary>
    public static async Task<LicenseSnapshot> ReadAsync(LicensingDbContext db, License license, string? askedKey, CancellationToken cancellationToken) =>
        await FindAsync(db, db.Licenses.Where(l => l.Id == license.Id), askedKey, cancellationToken)
            ?? throw new InvalidOperationException($"License {license.Id} is gone.");

    /// <summary>The license that has <paramref name="key"/> (or had it before a rotation); this is every cache miss of Validation.</summary>
    public static Task<LicenseSnapshot?> FindByKeyAsync(LicensingDbContext db, string key, CancellationToken cancellationToken) =>
        FindAsync(db, db.Licenses.Where(l => l.Key == key || l.PreviousKey == key), key, cancellationToken);

    /// <summary>The license with its plan, machines and seats in use, in one round trip.</summary>
    private static async Task<LicenseSnapshot?> FindAsync(LicensingDbContext db, IQueryable<License> licenses, string? askedKey, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var found = await licenses.AsNoTracking()
            .Select(l => new
            {
                License = l,
                Plan = db.Plans.FirstOrDefault(p => p.Id == l.PlanId),
                Fingerprints = db.Machines.Where(m => m.LicenseId == l.Id).OrderBy(m => m.ActivatedAt).Select(m => m.Fingerprint).ToList(),
                Seats = db.SeatLeases.Count(s => s.LicenseId == l.Id && s.ExpiresAt > now),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : Of(found.License, found.Plan, found.Fingerprints, found.Seats, askedKey);
    }

    private static LicenseSnapshot Of(License license, Plan? plan, List<string> fingerprints, int seatsInUse, string? askedKey)
    {
        var terms = LicenseTerms.Of(license, plan);
        var snapshot = new LicenseSnapshot
        {
            Id = license.Id,
            TenantId = license.TenantId,
            Environment = license.Environment.ToString().ToLowerInvariant(),
            Key = license.Key,
            Status = license.Status.ToString().ToLowerInvariant(),
            Type = license.Type.ToString().ToLowerInvariant(),
            ProductId = license.ProductId,
            PlanId = license.PlanId ?? "",
            PlanName = terms.PlanName ?? "",
            Version = license.Version,
            ExpiryBehavior = LicensingDbContext.SnakeCase(terms.ExpiryBehavior.ToString()),
            RequiresActivation = terms.RequiresActivation,
            DomainsFixed = license.DomainsFixed,
            Activations = fingerprints.Count,
            SeatsInUse = seatsInUse,
            SeatLeaseSeconds = terms.SeatLeaseSeconds,
            OfflineGraceSeconds = terms.OfflineGraceDays * 86_400,
            CreatedAt = Timestamp.FromDateTimeOffset(license.CreatedAt),
            CurrentKey = license.Key,
        };
        snapshot.Features.Add(terms.Features);
        snapshot.Domains.Add(license.Domains);
        snapshot.MachineFingerprints.Add(fingerprints);
        foreach (var property in System.Text.Json.JsonDocument.Parse(license.Metadata).RootElement.EnumerateObject())
        {
            snapshot.Metadata[property.Name] = property.Value.ValueKind == System.Text.Json.JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        if (askedKey is not null && askedKey == license.PreviousKey && license.PreviousKeyValidUntil is { } validUntil)
        {
            snapshot.Key = askedKey;
            snapshot.KeyValidUntil = Timestamp.FromDateTimeOffset(validUntil);
        }

        if (license.ExpiresAt is { } expiresAt)
        {
            snapshot.ExpiresAt = Timestamp.FromDateTimeOffset(expiresAt);
        }

        if (terms.MaxActivations is { } maxActivations)
        {
            snapshot.MaxActivations = maxActivations;
        }

        if (terms.MaxDomains is { } maxDomains)
        {
            snapshot.MaxDomains = maxDomains;
        }

        if (terms.MaxSeats is { } maxSeats)
        {
            snapshot.MaxSeats = maxSeats;
        }

        return snapshot;
    }
}
