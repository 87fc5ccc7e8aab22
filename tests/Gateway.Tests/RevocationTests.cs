using System.Diagnostics;
using Platform.Licensing.Model;

namespace Platform.Gateway.Tests;

/// <summary>
/// A revoked key stops working at once although the Gateway caches resolved keys (30 s): revoking it through
/// Licensing's API commits an outbox row, Licensing's relay publishes <c>ApiKeyRevoked</c> to RabbitMQ, and every
/// Gateway replica, each on its own queue, evicts the key.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RevocationTests(PlatformFixture platform)
{
    [Fact]
    public async Task AKeyRevokedThroughTheApiIsRefusedWithinOneSecond()
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var admin = gateway.Client(tenant.LiveKey);
        var (id, secret) = await CreateKeyAsync(admin);
        using var ci = gateway.Client(secret);
        Assert.Equal(HttpStatusCode.OK, (await ci.GetAsync("/api/v1/products")).StatusCode);

        var clock = await RevokeAsync(admin, id);

        await AssertRefusedWithinOneSecondAsync(ci, clock);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/products")).StatusCode);
    }

    [Fact]
    public async Task EveryReplicaRefusesARevokedKeyWithinOneSecond()
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        await using var first = await GatewayHost.StartAsync(platform);
        await using var second = await GatewayHost.StartAsync(platform);
        using var admin = first.Client(tenant.LiveKey);
        var (id, secret) = await CreateKeyAsync(admin);
        using var one = first.Client(secret);
        using var two = second.Client(secret);
        Assert.Equal(HttpStatusCode.OK, (await one.GetAsync("/api/v1/products")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await two.GetAsync("/api/v1/products")).StatusCode);

        var clock = await RevokeAsync(admin, id);

        await AssertRefusedWithinOneSecondAsync(one, clock);
        await AssertRefusedWithinOneSecondAsync(two, clock);
    }

    private static async Task<(string Id, string Secret)> CreateKeyAsync(HttpClient admin)
    {
        using var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "CI job", scopes = new[] { "admin" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = await created.JsonAsync();
        return (key.GetProperty("id").GetString()!, key.GetProperty("secret").GetString()!);
    }

    private static async Task<Stopwatch> RevokeAsync(HttpClient admin, string id)
    {
        using var revoked = await admin.DeleteAsync($"/api/v1/api-keys/{id}");
        var clock = Stopwatch.StartNew();
        Assert.True(revoked.IsSuccessStatusCode, $"DELETE answered {revoked.StatusCode}");
        return clock;
    }

    private static async Task AssertRefusedWithinOneSecondAsync(HttpClient client, Stopwatch clock)
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

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"refused only after {clock.ElapsedMilliseconds} ms");
    }
}
