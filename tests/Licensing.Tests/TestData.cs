using Platform.Contracts.Keys;
using Platform.Licensing.Model;

namespace Platform.Licensing.Tests;

/// <summary>Rows a test needs, written straight through the service's model: a tenant of its own, a product, a license.</summary>
internal static class TestData
{
    /// <summary>A new tenant with a product and one license, shaped by <paramref name="shape"/> before it is saved.</summary>
    public static async Task<License> SeedLicenseAsync(Database database, Action<License>? shape = null)
    {
        await using var db = database.CreateContext();
        var tenant = await new TenantProvisioning(db).CreateAsync("Acme", RateLimitPlan.Starter, null, CancellationToken.None);
        var product = new Product { Id = Ids.New("prod"), TenantId = tenant.TenantId, Environment = ApiEnvironment.Test, Name = "Editor", CreatedAt = DateTimeOffset.UtcNow };
        var license = new License
        {
            Id = Ids.New("lic"),
            TenantId = tenant.TenantId,
            Environment = ApiEnvironment.Test,
            Key = LicenseKeyFormat.Generate(),
            ProductId = product.Id,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        shape?.Invoke(license);
        db.Products.Add(product);
        db.Licenses.Add(license);
        await db.SaveChangesAsync();
        return license;
    }
}
