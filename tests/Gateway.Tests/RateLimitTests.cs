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

    [Fact]
    public async Task AClientThatWaitsRetryAfterSecondsIsLetThrough()
    {
        // A six-second window so the test waits seconds, not a minute: four requests, then six two seconds later.
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Builder);
        await using var gateway = await GatewayHost.StartAsync(platform, new Dictionary<string, string?> { ["Gateway:RateLimits:Window"] = "00:00:06" });
        using var client = gateway.Client(tenant.LiveKey);
        await SendAsync(client, 4);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await SendAsync(client, 6);

        using var refused = await client.GetAsync("/api/v1/products");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = (await refused.JsonAsync()).GetProperty("retryAfter").GetInt32();

        // Only the first four leave the window first, about four seconds from now: not a whole window.
        Assert.InRange(retryAfter, 1, 5);
        await Task.Delay(TimeSpan.FromSeconds(retryAfter));
        using var admitted = await client.GetAsync("/api/v1/products");
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    [Fact]
    public async Task RefusedAndNotFoundAnswersCarryTheRateHeaders()
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Builder);
        var validateOnly = await platform.Licensing.CreateKeyAsync(tenant.TenantId, ApiEnvironment.Live, ApiKey.ValidateScope);
        await using var gateway = await GatewayHost.StartAsync(platform, new Dictionary<string, string?> { ["Gateway:RateLimits:AnonymousPerMinute"] = "5" });

        using var missing = await gateway.Client().GetAsync("/api/v1/products");
        using var invalid = await gateway.Client("to_live_thisKeyWasNeverIssued0000000000").GetAsync("/api/v1/products");
        using var forbidden = await gateway.Client(validateOnly).GetAsync("/api/v1/products");
        using var notFound = await gateway.Client(tenant.LiveKey).GetAsync("/api/v1/products/prod_doesNotExist");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        // The two refused credentials counted against the client address; the scope refusal and the 404 against their keys.
        Assert.Equal(("5", "4"), (missing.Header("X-RateLimit-Limit"), missing.Header("X-RateLimit-Remaining")));
        Assert.Equal(("5", "3"), (invalid.Header("X-RateLimit-Limit"), invalid.Header("X-RateLimit-Remaining")));
        Assert.Equal(("10", "9"), (forbidden.Header("X-RateLimit-Limit"), forbidden.Header("X-RateLimit-Remaining")));
        Assert.Equal(("10", "9"), (notFound.Header("X-RateLimit-Limit"), notFound.Header("X-RateLimit-Remaining")));
        Assert.All([missing, invalid, forbidden, notFound], r => Assert.NotEqual("", r.Header("X-RateLimit-Reset")));
    }

    [Fact]
    public async Task GuessingKeysFromOneAddressIsLimited()
    {
        await using var gateway = await GatewayHost.StartAsync(platform, new Dictionary<string, string?> { ["Gateway:RateLimits:AnonymousPerMinute"] = "3" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await gateway.Client($"to_live_guess{i}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").GetAsync("/api/v1/products");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
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

    private static async Task SendAsync(HttpClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync("/api/v1/products");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
