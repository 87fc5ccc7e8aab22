using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Keys;
using Platform.Licensing.Infrastructure;

namespace Platform.Licensing.Model;

/// <summary>What a new license is made of, already checked field by field.</summary>
public sealed record LicenseSpec(
    string ProductId, string? PlanId, LicenseType? Type, string? CustomerEmail, int? MaxActivations, int? MaxDomains, int? MaxSeats,
    List<string> Domains, List<string> Features, string Metadata, DateTimeOffset? ExpiresAt, LicenseOrigin Origin = LicenseOrigin.Api);

/// <summary>A license could not be issued because something it names is not the caller's to use.</summary>
public sealed class LicenseReferenceException(string message) : InvalidOperationException(message);

/// <summary>
/// Issues licenses: a fresh key (or the vendor's own, when importing), the plan's type, limits and duration
/// unless the spec overrides them, <see cref="NewLicenseTerms"/>' safe defaults where neither says, and the
/// <c>license.created</c> event in the same unit of work.
/// Callers save the changes.
/// </summary>
internal sealed class LicenseIssuer(LicensingDbContext db)
{
    public async Task<License> IssueAsync(string tenantId, ApiEnvironment environment, LicenseSpec spec, string? importedKey, CancellationToken cancellationToken)
    {
        var productExists = await db.Products.AnyAsync(p => p.Id == spec.ProductId && p.TenantId == tenantId && p.Environment == environment, cancellationToken);
        if (!productExists)
        {
            throw new LicenseReferenceException($"No product {spec.ProductId}.");
        }

        Plan? plan = null;
        if (spec.PlanId is not null)
        {
            plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == spec.PlanId && p.TenantId == tenantId && p.Environment == environment, cancellationToken)
                ?? throw new LicenseReferenceException($"No plan {spec.PlanId}.");
            if (plan.ProductId != spec.ProductId)
            {
                throw new LicenseReferenceException($"Plan {plan.Id} belongs to another product.");
            }
        }

        var now = DateTimeOffset.UtcNow;
        var (type, expiresAt) = NewLicenseTerms.Of(spec, plan, now);
        var key = importedKey ?? LicenseKeyFormat.Generate(await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.KeyPrefix).SingleAsync(cancellationToken));
        var license = new License
        {
            Id = Ids.New("lic"),
            TenantId = tenantId,
            Environment = environment,
            Key = key,
            ProductId = spec.ProductId,
            PlanId = plan?.Id,
            Type = type,
            CustomerEmail = spec.CustomerEmail,
            MaxActivations = spec.MaxActivations,
            MaxDomains = spec.MaxDomains,
            MaxSeats = spec.MaxSeats,
            Domains = spec.Domains,
            DomainsFixed = spec.Domains.Count > 0,
            Features = spec.Features,
            Metadata = spec.Metadata,
            ExpiresAt = expiresAt,
            CreatedAt = now,
        };
        db.Licenses.Add(license);
        LicenseEvents.Record(db, "license.created", license, now, LicenseView.Of(license, plan, 0));
        return license;
    }
}
