using LicensePlatform.Client.Management;

namespace Platform.Client.Tests;

/// <summary>What the management tests make again and again: a client of the test platform, and a product of each test's own.</summary>
internal static class ManagementTestData
{
    public static LicenseManagementClient ManagementClient(this PlatformFixture platform, TempFolder cache) => new(platform.Options(cache));

    /// <summary>A new product, so that a test's lists and counts hold only what it made itself.</summary>
    public static Task<Product> NewProductAsync(this LicenseManagementClient client, string purpose) =>
        client.Products.CreateAsync(new CreateProductRequest { Name = $"{purpose} {Guid.NewGuid():N}" });

    public static Task<License> NewLicenseAsync(this LicenseManagementClient client, string productId, LicenseType type = LicenseType.Perpetual,
        int? maxActivations = null) =>
        client.Licenses.CreateAsync(new CreateLicenseRequest { ProductId = productId, Type = type, MaxActivations = maxActivations });

    /// <summary>A subscription plan of 30 days.</summary>
    public static Task<Plan> CreatePlanAsync(this PlansClient plans, string productId) =>
        plans.CreateAsync(new CreatePlanRequest { ProductId = productId, Name = "Monthly", LicenseType = LicenseType.Subscription, DurationDays = 30 });

    /// <summary>A key of the shape an import keeps as it is (not a platform key): unique per call.</summary>
    public static string ImportedKey(string tag) => $"MIGRATED-{tag}-{Guid.NewGuid():N}";

    public static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);

    /// <summary>Asserts that <paramref name="actual"/> is within a minute of <paramref name="expected"/>.</summary>
    public static void Near(DateTimeOffset expected, DateTimeOffset? actual)
    {
        Assert.NotNull(actual);
        Assert.InRange(actual.Value, expected - TimeSpan.FromMinutes(1), expected + TimeSpan.FromMinutes(1));
    }
}
