using System.Diagnostics;
using Platform.Licensing.Model;

namespace Platform.Gateway.Tests;

/// <summary>
/// A revoked key stops working at once although the Gateway caches resolved keys (30 s): the
/// <c>ApiKeyRevoked</c> event on RabbitMQ evicts it from every replica's cache.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RevocationTests(PlatformFixture platform)
{
    [Fact]
    public async Task ARevokedKeyIsRefusedWithinOneSecondByEveryReplica()
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        await using var first = await GatewayHost.StartAsync(platform);
        await using var second = await GatewayHost.StartAsync(platform);
        using var one = first.Client(tenant.LiveKey);
        using var two = second.Client(tenant.LiveKey);
        Assert.Equal(HttpStatusCode.OK, (await one.GetAsync("/api/v1/products")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await two.GetAsync("/api/v1/products")).StatusCode);

        await platform.Licensing.RevokeKeyAsync(tenant.LiveKey);
        var clock = Stopwatch.StartNew();

        foreach (var client in new[] { one, two })
        {
            while (true)
            {
                using var response = await client.GetAsync("/api/v1/products");
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    Assert.Equal("INVALID_API_KEY", await response.ErrorCodeAsync());
                    break;
                }

                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"still accepted after {clock.ElapsedMilliseconds} ms");
                await Task.Delay(20);
            }
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"refused only after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, (await first.Client(tenant.TestKey).GetAsync("/api/v1/products")).StatusCode);
    }
}
