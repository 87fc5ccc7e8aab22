using System.Diagnostics;
using Platform.Licensing.Model;

namespace Platform.Gateway.Tests;

/// <summary>
/// How often the Gateway asks Licensing about a key: once for many concurrent first requests, and for a key in use,
/// again before its cached resolution expires, in the background, so that its requests never wait for the lookup.
/// Counted at the real Licensing's gRPC endpoint (the tests of this collection run one at a time).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ApiKeyCacheTests(PlatformFixture platform)
{
    private const string Lookup = "ResolveApiKey";

    [Fact]
    public async Task ThirtyTwoConcurrentFirstRequestsWithAKeyMakeOneLookup()
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var client = gateway.Client(tenant.LiveKey);
        var before = platform.Licensing.CallsTo(Lookup);

        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => client.GetAsync("/api/v1/products")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, platform.Licensing.CallsTo(Lookup) - before);
    }

    [Fact]
    public async Task AKeyInUseIsLookedUpAgainBeforeItsResolutionExpires()
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        await using var gateway = await GatewayHost.StartAsync(platform, new Dictionary<string, string?> { ["Gateway:ApiKeyCacheDuration"] = "00:00:04" });
        using var client = gateway.Client(tenant.LiveKey);
        var before = platform.Licensing.CallsTo(Lookup);
        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);
        Assert.Equal(1, platform.Licensing.CallsTo(Lookup) - before);

        // Past four fifths of the 4 s (3.2 s): answered from the cache, and the key is looked up again meanwhile.
        await clock.UntilAsync(3.4);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);
        await WaitForAsync(() => platform.Licensing.CallsTo(Lookup) - before == 2);

        // Past the first resolution's expiry (4 s): the renewed one answers, without another lookup.
        await clock.UntilAsync(4.5);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);
        Assert.Equal(2, platform.Licensing.CallsTo(Lookup) - before);

        // Revoked behind the Gateway's back: the renewal due from 6.6 s finds the key gone and drops it, so the key is
        // refused before its cached resolution (renewed at 3.4 s) would have expired at 7.4 s.
        await platform.Licensing.RevokeSilentlyAsync(tenant.LiveKey);
        await clock.UntilAsync(6.7);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);
        while (true)
        {
            using var next = await client.GetAsync("/api/v1/products");
            if (next.StatusCode == HttpStatusCode.Unauthorized)
            {
                break;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(7.3), "still answered from the cache after the renewal was due");
            await Task.Delay(20);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(7.4), $"refused only at {clock.Elapsed.TotalSeconds:F2} s, when the resolution expired anyway");
        Assert.True(platform.Licensing.CallsTo(Lookup) - before >= 3);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Licensing was not asked again within 2 s");
            await Task.Delay(20);
        }
    }
}
