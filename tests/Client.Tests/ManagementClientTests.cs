using System.Net;
using LicensePlatform.Client.Management;

namespace Platform.Client.Tests;

/// <summary>The management client against a whole platform: products, plans and licenses, listed, paged and changed.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ManagementClientTests(PlatformFixture platform) : IDisposable
{
    private readonly TempFolder cache = new();

    [Fact]
    public async Task A_license_issued_under_a_plan_has_the_plans_terms_and_is_found_by_get_and_list()
    {
        using var client = platform.ManagementClient(cache);
        var product = await client.Products.CreateAsync(new CreateProductRequest
        {
            Name = $"Plans {Guid.NewGuid():N}",
            Platforms = ["linux", "windows"],
            Metadata = new Dictionary<string, JsonElement> { ["sku"] = ManagementTestData.Json("PRO-1") },
        });
        Assert.StartsWith("prod_", product.Id, StringComparison.Ordinal);
        Assert.Equal(["linux", "windows"], product.Platforms);
        Assert.Equal("PRO-1", product.Metadata["sku"].GetString());
        var got = await client.Products.GetAsync(product.Id);
        Assert.Equal((product.Id, product.Name), (got.Id, got.Name));
        Assert.Equal(product.Platforms, got.Platforms);
        Assert.Contains((await client.Products.ListAsync(limit: 100)).Data, p => p.Id == product.Id);

        var plan = await client.Plans.CreateAsync(new CreatePlanRequest
        {
            ProductId = product.Id,
            Name = "Pro",
            LicenseType = LicenseType.Subscription,
            DurationDays = 30,
            MaxActivations = 3,
            MaxDomains = 2,
            Features = ["export", "sync"],
            OfflineGraceDays = 5,
            ExpiryBehavior = ExpiryBehavior.KeepAccess,
        });
        Assert.Equal(product.Id, plan.ProductId);
        Assert.Equal((LicenseType.Subscription, 30, 3, 5, ExpiryBehavior.KeepAccess, 900),
            (plan.LicenseType, plan.DurationDays, plan.MaxActivations, plan.OfflineGraceDays, plan.ExpiryBehavior, plan.SeatLeaseSeconds));
        var plans = await client.Plans.ListAsync(product.Id);
        Assert.Equal(plan.Id, Assert.Single(plans.Data).Id);
        Assert.Equal(1, plans.Pagination.Total);
        var gotPlan = await client.Plans.GetAsync(plan.Id);
        Assert.Equal((plan.Id, plan.Name, plan.MaxActivations, plan.ExpiryBehavior), (gotPlan.Id, gotPlan.Name, gotPlan.MaxActivations, gotPlan.ExpiryBehavior));
        Assert.Equal(["export", "sync"], gotPlan.Features);

        var changed = await client.Plans.UpdateAsync(plan.Id, new UpdatePlanRequest { Name = "Pro 2", MaxActivations = 5 });
        Assert.Equal(("Pro 2", 5, 30, 2), (changed.Name, changed.MaxActivations, changed.DurationDays, changed.MaxDomains));

        var email = $"buyer-{Guid.NewGuid():N}@example.com";
        var license = await client.Licenses.CreateAsync(new CreateLicenseRequest
        {
            ProductId = product.Id,
            PlanId = plan.Id,
            CustomerEmail = email,
            Features = ["beta"],
            Metadata = new Dictionary<string, JsonElement> { ["order"] = ManagementTestData.Json(1234) },
        });
        Assert.StartsWith("lic_", license.Id, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(license.Key));
        Assert.Equal((LicenseStatus.Active, LicenseType.Subscription, plan.Id, "Pro 2", email, 5, 2, ExpiryBehavior.KeepAccess),
            (license.Status, license.Type, license.PlanId, license.PlanName, license.CustomerEmail, license.MaxActivations, license.MaxDomains, license.ExpiryBehavior));
        Assert.Equal(["beta", "export", "sync"], license.Features.Order(StringComparer.Ordinal));
        ManagementTestData.Near(DateTimeOffset.UtcNow.AddDays(30), license.ExpiresAt);
        Assert.Equal(1234, license.Metadata["order"].GetInt32());
        Assert.Equal(0, license.Activations);

        var read = await client.Licenses.GetAsync(license.Id);
        Assert.Equal((license.Id, license.Key, license.PlanId, license.MaxActivations), (read.Id, read.Key, read.PlanId, read.MaxActivations));

        var byProduct = await client.Licenses.ListAsync(new LicenseListQuery { ProductId = product.Id });
        Assert.Equal(license.Id, Assert.Single(byProduct.Data).Id);
        Assert.Equal((1, 20, 1L, 1L, false), (byProduct.Pagination.Page, byProduct.Pagination.Limit, byProduct.Pagination.Total,
            byProduct.Pagination.TotalPages, byProduct.Pagination.HasMore));
        var byPlanAndEmail = await client.Licenses.ListAsync(new LicenseListQuery
        {
            PlanId = plan.Id, CustomerEmail = email.ToUpperInvariant(), Status = LicenseStatus.Active,
        });
        Assert.Equal(5, Assert.Single(byPlanAndEmail.Data).MaxActivations);
        Assert.Empty((await client.Licenses.ListAsync(new LicenseListQuery { ProductId = product.Id, Status = LicenseStatus.Suspended })).Data);
    }

    [Fact]
    public async Task An_update_changes_only_what_it_sets()
    {
        using var client = platform.ManagementClient(cache);
        var product = await client.NewProductAsync("Update");
        var license = await client.NewLicenseAsync(product.Id, maxActivations: 2);

        var expires = DateTimeOffset.UtcNow.AddDays(90);
        var updated = await client.Licenses.UpdateAsync(license.Id, new UpdateLicenseRequest
        {
            MaxActivations = 7,
            Domains = ["app.example.com"],
            ExpiresAt = expires,
            Metadata = new Dictionary<string, JsonElement> { ["note"] = ManagementTestData.Json("moved") },
        });
        Assert.Equal((7, license.Key, license.Type, "moved"), (updated.MaxActivations, updated.Key, updated.Type, updated.Metadata["note"].GetString()));
        Assert.Equal(["app.example.com"], updated.Domains);
        ManagementTestData.Near(expires, updated.ExpiresAt);
        Assert.True(updated.Version > license.Version);
        Assert.Equal(7, (await client.Licenses.GetAsync(license.Id)).MaxActivations);
    }

    [Fact]
    public async Task A_batch_creates_every_license_or_none()
    {
        using var client = platform.ManagementClient(cache);
        var product = await client.NewProductAsync("Batch");

        var created = await client.Licenses.CreateBatchAsync(
        [
            new CreateLicenseRequest { ProductId = product.Id, Type = LicenseType.Perpetual },
            new CreateLicenseRequest { ProductId = product.Id, Type = LicenseType.Trial },
            new CreateLicenseRequest { ProductId = product.Id, Type = LicenseType.Subscription, ExpiresAt = DateTimeOffset.UtcNow.AddDays(10) },
        ]);
        Assert.Equal([LicenseType.Perpetual, LicenseType.Trial, LicenseType.Subscription], created.Select(l => l.Type));
        Assert.Equal(3, created.Select(l => l.Key).Distinct().Count());
        ManagementTestData.Near(DateTimeOffset.UtcNow.AddDays(14), created[1].ExpiresAt);

        // A subscription without an expiry or a plan's duration is refused, and with it the whole batch.
        var refused = await Assert.ThrowsAsync<LicenseApiException>(() => client.Licenses.CreateBatchAsync(
        [
            new CreateLicenseRequest { ProductId = product.Id, Type = LicenseType.Perpetual },
            new CreateLicenseRequest { ProductId = product.Id, Type = LicenseType.Subscription },
        ]));
        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.ValidationError), (refused.StatusCode, refused.Code));
        Assert.Contains("licenses[1]", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await client.Licenses.ListAsync(new LicenseListQuery { ProductId = product.Id })).Pagination.Total);
    }

    [Fact]
    public async Task Listing_all_walks_every_page_once()
    {
        using var client = platform.ManagementClient(cache);
        var product = await client.NewProductAsync("Pages");
        var created = await client.Licenses.CreateBatchAsync(
            Enumerable.Range(0, 5).Select(_ => new CreateLicenseRequest { ProductId = product.Id, Type = LicenseType.Perpetual }));

        var second = await client.Licenses.ListAsync(new LicenseListQuery { ProductId = product.Id, Page = 2, Limit = 2 });
        Assert.Equal((2, 2, 5L, 3L, true), (second.Pagination.Page, second.Data.Count, second.Pagination.Total, second.Pagination.TotalPages,
            second.Pagination.HasMore));

        var all = new List<License>();
        await foreach (var license in client.Licenses.ListAllAsync(new LicenseListQuery { ProductId = product.Id, Limit = 2 }))
        {
            all.Add(license);
        }

        Assert.Equal(created.Select(l => l.Id).Order(StringComparer.Ordinal), all.Select(l => l.Id).Order(StringComparer.Ordinal));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.CreatedAt >= pair.Second.CreatedAt), "The newest come first.");
    }

    [Fact]
    public async Task An_idempotency_key_makes_a_second_create_answer_the_first_license()
    {
        using var client = platform.ManagementClient(cache);
        var product = await client.NewProductAsync("Idempotency");
        var request = new CreateLicenseRequest { ProductId = product.Id, Type = LicenseType.Perpetual, CustomerEmail = "same@example.com" };
        var key = $"create-{Guid.NewGuid():N}";

        var first = await client.Licenses.CreateAsync(request, idempotencyKey: key);
        var again = await client.Licenses.CreateAsync(request, idempotencyKey: key);
        Assert.Equal((first.Id, first.Key), (again.Id, again.Key));
        Assert.Equal(1, (await client.Licenses.ListAsync(new LicenseListQuery { ProductId = product.Id })).Pagination.Total);

        var reused = await Assert.ThrowsAsync<LicenseApiException>(() =>
            client.Licenses.CreateAsync(request with { CustomerEmail = "other@example.com" }, idempotencyKey: key));
        Assert.Equal(ErrorCodes.IdempotencyKeyReused, reused.Code);

        // Without a key of the caller's, every call is its own: two creates are two licenses.
        var third = await client.Licenses.CreateAsync(request);
        var fourth = await client.Licenses.CreateAsync(request);
        Assert.NotEqual(third.Id, fourth.Id);
    }

    [Fact]
    public async Task Refusals_surface_with_the_platforms_code()
    {
        using var client = platform.ManagementClient(cache);
        var missing = await Assert.ThrowsAsync<LicenseApiException>(() => client.Licenses.GetAsync("lic_does_not_exist"));
        Assert.Equal((HttpStatusCode.NotFound, ErrorCodes.NotFound), (missing.StatusCode, missing.Code));

        var noProduct = await Assert.ThrowsAsync<LicenseApiException>(() =>
            client.Plans.CreateAsync(new CreatePlanRequest { ProductId = "prod_does_not_exist", Name = "Nothing" }));
        Assert.Equal(ErrorCodes.NotFound, noProduct.Code);

        var badLimit = await Assert.ThrowsAsync<LicenseApiException>(() => client.Products.ListAsync(limit: 101));
        Assert.Equal(ErrorCodes.ValidationError, badLimit.Code);

        Assert.Throws<ArgumentException>(() => new LicenseManagementClient(platform.Options(cache, o => o.ApiKey = null)));
    }

    public void Dispose() => cache.Dispose();
}
