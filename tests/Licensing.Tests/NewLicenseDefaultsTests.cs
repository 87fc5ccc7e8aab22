using System.Net;

namespace Platform.Licensing.Tests;

/// <summary>What a new license gets where neither the request nor its plan says: the reference's safe defaults.</summary>
[Collection(PostgresCollection.Name)]
public sealed class NewLicenseDefaultsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ALicenseWithoutALimitOfItsOwnOrItsPlansAllowsOneActivation()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var plan = (await s.CreatePlanAsync(new { license_type = "perpetual", max_activations = 5 })).GetProperty("id").GetString();

        var bare = await s.CreateLicenseAsync();
        var onPlan = await s.CreateLicenseAsync(new { plan_id = plan });
        var own = await s.CreateLicenseAsync(new { max_activations = 3 });

        Assert.Equal((1, 5, 3), (bare.GetProperty("maxActivations").GetInt32(), onPlan.GetProperty("maxActivations").GetInt32(), own.GetProperty("maxActivations").GetInt32()));
        await s.PostAsync("/api/v1/machines", new { license_id = bare.GetProperty("id").GetString(), fingerprint = "m1" });
        var second = await s.Client.PostJsonAsync("/api/v1/machines", new { license_id = bare.GetProperty("id").GetString(), fingerprint = "m2" });
        Assert.Equal("ACTIVATION_LIMIT_REACHED", (await second.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task TheTypeIsRequiredUnlessThePlanGivesIt()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var plan = (await s.CreatePlanAsync(new { license_type = "floating" })).GetProperty("id").GetString();

        var refused = await s.PostAsync("/api/v1/licenses", new { product_id = s.ProductId }, HttpStatusCode.BadRequest);
        var fromPlan = await s.CreateLicenseAsync(new { plan_id = plan });

        Assert.Equal("VALIDATION_ERROR", refused.GetProperty("code").GetString());
        Assert.Contains("type is required", refused.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("floating", fromPlan.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ATrialWithoutAnExpiryLastsItsPlansDurationOrFourteenDays()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var plan = (await s.CreatePlanAsync(new { license_type = "trial", duration_days = 30 })).GetProperty("id").GetString();

        var bare = await s.CreateLicenseAsync(new { type = "trial" });
        var onPlan = await s.CreateLicenseAsync(new { plan_id = plan, type = "trial" });

        AssertExpiresIn(bare, TimeSpan.FromDays(14));
        AssertExpiresIn(onPlan, TimeSpan.FromDays(30));
    }

    [Fact]
    public async Task ASubscriptionNeedsAnEndOfItsOwnOrItsPlans()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var plan = (await s.CreatePlanAsync(new { license_type = "subscription", duration_days = 365 })).GetProperty("id").GetString();

        var refused = await s.PostAsync("/api/v1/licenses", new { product_id = s.ProductId, type = "subscription" }, HttpStatusCode.BadRequest);
        var dated = await s.CreateLicenseAsync(new { type = "subscription", expires_at = DateTimeOffset.UtcNow.AddDays(31) });
        var onPlan = await s.CreateLicenseAsync(new { plan_id = plan });

        Assert.Equal("VALIDATION_ERROR", refused.GetProperty("code").GetString());
        Assert.Contains("expires_at is required for a subscription", refused.GetProperty("error").GetString(), StringComparison.Ordinal);
        AssertExpiresIn(dated, TimeSpan.FromDays(31));
        AssertExpiresIn(onPlan, TimeSpan.FromDays(365));
    }

    [Fact]
    public async Task AnExpiryInThePastIsRefusedOnCreateNamingTheEntryOfABatch()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var past = DateTimeOffset.UtcNow.AddMinutes(-5);

        var single = await s.PostAsync("/api/v1/licenses", new { product_id = s.ProductId, type = "perpetual", expires_at = past }, HttpStatusCode.BadRequest);
        // With an Idempotency-Key, whose filter saves what the handler leaves: the first entry must not be saved either.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/licenses/batch")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                licenses = new object[] { new { product_id = s.ProductId, type = "perpetual" }, new { product_id = s.ProductId, type = "perpetual", expires_at = past } },
            }),
            Headers = { { "Idempotency-Key", "batch-1" } },
        };
        using var refusedBatch = await s.Client.SendAsync(request);
        var batch = await refusedBatch.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refusedBatch.StatusCode);

        Assert.Contains("expires_at is in the past", single.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("licenses[1].expires_at is in the past", batch.GetProperty("error").GetString(), StringComparison.Ordinal);
        var listed = await s.GetAsync("/api/v1/licenses");
        Assert.Equal(0, listed.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal(0, await s.Database.ScalarAsync<long>("SELECT count(*) FROM outbox"));
    }

    private static void AssertExpiresIn(System.Text.Json.JsonElement license, TimeSpan term)
    {
        var expires = license.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires, DateTimeOffset.UtcNow + term - TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow + term + TimeSpan.FromMinutes(1));
    }
}
