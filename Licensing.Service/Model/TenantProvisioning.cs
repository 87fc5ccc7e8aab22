using Platform.Licensing.Infrastructure;

namespace Platform.Licensing.Model;

/// <summary>A new tenant and its first admin keys, one per environment; the secrets exist only in the returned value.</summary>
public sealed record ProvisionedTenant(string TenantId, string TestKey, string LiveKey);

/// <summary>Creates tenants: the bootstrap command, and later the operator API, go through here.</summary>
internal sealed class TenantProvisioning(LicensingDbContext db)
{
    public async Task<ProvisionedTenant> CreateAsync(string name, RateLimitPlan plan, string? keyPrefix, CancellationToken cancellationToken)
    {
        var prefix = keyPrefix ?? Contracts.Keys.LicenseKeyFormat.DefaultPrefix;
        if (!Contracts.Keys.LicenseKeyFormat.IsValidPrefix(prefix))
        {
            throw new ArgumentException("A key prefix is 2 to 8 upper-case letters or digits.", nameof(keyPrefix));
        }

        var tenant = new Tenant { Id = Ids.New("ten"), Name = name, Plan = plan, KeyPrefix = prefix };
        var testKey = ApiKeySecret.Generate(ApiEnvironment.Test);
        var liveKey = ApiKeySecret.Generate(ApiEnvironment.Live);
        db.Tenants.Add(tenant);
        db.ApiKeys.Add(NewAdminKey(tenant.Id, ApiEnvironment.Test, testKey));
        db.ApiKeys.Add(NewAdminKey(tenant.Id, ApiEnvironment.Live, liveKey));
        await db.SaveChangesAsync(cancellationToken);
        return new ProvisionedTenant(tenant.Id, testKey, liveKey);
    }

    private static ApiKey NewAdminKey(string tenantId, ApiEnvironment environment, string secret) => new()
    {
        Id = Ids.New("key"),
        TenantId = tenantId,
        Environment = environment,
        Name = "Initial admin key",
        Digest = ApiKeySecret.Digest(secret),
        DisplayPrefix = secret[..12],
        Scopes = [ApiKey.AdminScope],
    };
}
