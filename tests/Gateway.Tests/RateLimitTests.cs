using System.Globalization;
using Platform.Licensing.Model;

namespace Platform.Gateway.Tests;

[Collection(PlatformCollection.Name)]
public sealed class RateLimitTests(PlatformFixture platform)
{
    [Fact]
    public async Task ABuilderPlanKeyGetsTenRequestsAMinuteThen429WithRetryAfter()
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Builder);
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var client = gateway.Client(tenant.LiveKey);

        var remaining = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            using var ok = await client.GetAsync("/api/v1/products");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("10", ok.Header("X-RateLimit-Limit"));
            remaining.Add(ok.Header("X-RateLimit-Remaining"));
            var reset = long.Parse(ok.Header("X-RateLimit-Reset"), CultureInfo.InvariantCulture);
            Assert.InRange(reset - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 1, 61);
        }

        using var refused = await client.GetAsync("/api/v1/products");
        var body = await refused.JsonAsync();

        Assert.Equal(["9", "8", "7", "6", "5", "4", "3", "2", "1", "0"], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("RATE_LIMITED", body.GetProperty("code").GetString());
        var retryAfter = body.GetProperty("retryAfter").GetInt32();
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter.ToString(CultureInfo.InvariantCulture), refused.Header("Retry-After"));
        Assert.Equal("0", refused.Header("X-RateLimit-Remaining"));
        Assert.Equal("10", refused.Header("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task EachKeyHasItsOwnWindow()
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Builder);
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var live = gateway.Client(tenant.LiveKey);
        using var test = gateway.Client(tenant.TestKey);
        for (var i = 0; i < 10; i++)
        {
            (await live.GetAsync("/api/v1/products")).Dispose();
        }

        using var liveRefused = await live.GetAsync("/api/v1/products");
        using var testAllowed = await test.GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.TooManyRequests, liveRefused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, testAllowed.StatusCode);
        Assert.Equal("9", testAllowed.Header("X-RateLimit-Remaining"));
    }

    [Theory]
    [InlineData(RateLimitPlan.Starter, "100")]
    [InlineData(RateLimitPlan.Professional, "1000")]
    [InlineData(RateLimitPlan.Business, "10000")]
    [InlineData(RateLimitPlan.Enterprise, "50000")]
    public async Task TheLimitFollowsTheTenantsPlan(RateLimitPlan plan, string limit)
    {
        var tenant = await platform.Licensing.CreateTenantAsync(plan);
        await using var gateway = await GatewayHost.StartAsync(platform);

        using var response = await gateway.Client(tenant.LiveKey).GetAsync("/api/v1/products");

        Assert.Equal(limit, response.Header("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task TheOperatorsUnlimitedPlanIsNeverLimited()
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Unlimited);
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var client = gateway.Client(tenant.LiveKey);

        for (var i = 0; i < 30; i++)
        {
            using var response = await client.GetAsync("/api/v1/products");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("", response.Header("X-RateLimit-Limit"));
        }
    }
}
