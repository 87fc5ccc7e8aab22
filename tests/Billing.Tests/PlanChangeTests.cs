using System.Net;
using System.Net.Http.Json;

namespace Platform.Billing.Tests;

/// <summary>A subscription moved to another price moves its license to the plan mapped to that price.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PlanChangeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AnUpgradeInStripeMovesTheLicenseToTheMappedPlan()
    {
        await using var scenario = await BillingScenario.StartAsync(postgres);
        using var vendor = scenario.LicensingApi.ClientFor(scenario.TenantId);
        var plan = await vendor.PostAsJsonAsync("/api/v1/plans", new { product_id = scenario.ProductId, name = "Pro", max_activations = 5 });
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        var planId = (await plan.JsonAsync()).GetProperty("id").GetString();
        var purchase = Purchase.New();
        var upgraded = purchase with { PriceId = Purchase.Id("price") };
        var mapped = await scenario.Admin.PutAsJsonAsync($"/api/v1/billing/prices/{upgraded.PriceId}", new { product_id = scenario.ProductId, plan_id = planId });
        Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
        var now = DateTimeOffset.UtcNow;

        await scenario.PurchaseAsync(purchase, now);
        await scenario.DeliverAsync(StripeEvents.Subscription("customer.subscription.created", purchase, now, now.AddMonths(1)));
        var update = await scenario.DeliverAsync(StripeEvents.Subscription("customer.subscription.updated", upgraded, now.AddSeconds(5), now.AddMonths(1)));

        Assert.Equal("applied", update.GetProperty("status").GetString());
        var license = await scenario.SingleLicenseAsync();
        Assert.Equal((planId, 5), (license.GetProperty("planId").GetString(), license.GetProperty("maxActivations").GetInt32()));
    }
}
