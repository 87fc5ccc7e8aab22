using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Licensing.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PortalLicensesTests(PostgresFixture postgres)
{
    [Fact]
    public async Task TheReferencesStripeBodyCreatesALicenseOfThePlanNamed()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var plan = (await s.CreatePlanAsync(new { name = "Pro", license_type = "subscription", duration_days = 30, max_activations = 3 })).GetProperty("id").GetString();

        var created = await s.PostAsync("/api/v1/portal/licenses", new
        {
            product = s.ProductId, plan = "pro", customer_email = "Buyer@Example.com",
            metadata = new { stripeCustomerId = "cus_1", stripeSubscriptionId = "sub_1" },
        });
        var byId = await s.PostAsync("/api/v1/portal/licenses", new { product = s.ProductId, plan, customer_email = "other@example.com" });

        var license = created.GetProperty("license");
        Assert.Equal((s.ProductId, plan, "subscription", "buyer@example.com", 3), (license.GetProperty("productId").GetString(), license.GetProperty("planId").GetString(),
            license.GetProperty("type").GetString(), license.GetProperty("customerEmail").GetString(), license.GetProperty("maxActivations").GetInt32()));
        Assert.Equal("cus_1", license.GetProperty("metadata").GetProperty("stripeCustomerId").GetString());
        Assert.True(license.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(29));
        Assert.Equal(plan, byId.GetProperty("license").GetProperty("planId").GetString());
    }

    [Fact]
    public async Task AnUnknownPlanOrProductOrNoProductIsRefusedWithAStableCode()
    {
        await using var s = await Scenario.StartAsync(postgres);
        await s.CreatePlanAsync(new { name = "Pro", license_type = "perpetual" });

        var noProduct = await s.PostAsync("/api/v1/portal/licenses", new { plan = "pro" }, HttpStatusCode.BadRequest);
        var unknownPlan = await s.PostAsync("/api/v1/portal/licenses", new { product = s.ProductId, plan = "p_o" }, HttpStatusCode.NotFound);
        var unknownProduct = await s.PostAsync("/api/v1/portal/licenses", new { product = "prod_nope", type = "perpetual" }, HttpStatusCode.NotFound);

        Assert.Equal("MISSING_FIELDS", noProduct.GetProperty("code").GetString());
        Assert.Equal("NOT_FOUND", unknownPlan.GetProperty("code").GetString());
        Assert.Equal("NOT_FOUND", unknownProduct.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnAdminListsTheTenantsLicensesAndAPortalSessionOnlyItsOwnAndCannotCreate()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var own = (await s.CreateLicenseAsync(new { customer_email = "ada@example.com" })).GetProperty("id").GetString();
        var other = (await s.CreateLicenseAsync(new { customer_email = "bob@example.com" })).GetProperty("id").GetString();
        using var portal = s.Api.PortalClientFor(s.TenantId, "Ada@Example.com");

        var all = await s.GetAsync("/api/v1/portal/licenses?page=1&limit=1");
        var mine = await (await portal.GetAsync("/api/v1/portal/licenses")).Content.ReadFromJsonAsync<JsonElement>();
        var readOwn = await portal.GetAsync($"/api/v1/portal/licenses/{own}");
        var readOther = await portal.GetAsync($"/api/v1/portal/licenses/{other}");
        var create = await portal.PostAsJsonAsync("/api/v1/portal/licenses", new { product = s.ProductId, type = "perpetual", customer_email = "ada@example.com" });

        Assert.Equal((2L, 2L, true), (all.GetProperty("pagination").GetProperty("total").GetInt64(), all.GetProperty("pagination").GetProperty("totalPages").GetInt64(),
            all.GetProperty("pagination").GetProperty("hasMore").GetBoolean()));
        Assert.Equal([own], mine.GetProperty("data").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (readOwn.StatusCode, readOther.StatusCode, create.StatusCode));
        Assert.Equal(1L, await s.Database.ScalarAsync<long>($"SELECT count(*) FROM licenses WHERE customer_email = 'ada@example.com' AND tenant_id = '{s.TenantId}'"));
    }
}
