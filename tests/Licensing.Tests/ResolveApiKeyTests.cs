using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Model;
using Platform.Protos.Licensing.V1;
using Grpc.Core;

namespace Platform.Licensing.Tests;

/// <summary>Licensing's gRPC service on real Kestrel (HTTP/2) and a real database, called with our gRPC client.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ResolveApiKeyTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AKeyResolvesToItsTenantEnvironmentScopesAndPlan()
    {
        await using var database = await Database.CreateAsync(postgres);
        var tenant = await ProvisionAsync(database, RateLimitPlan.Professional);
        await using var server = await GrpcTestServer.StartAsync(database.DataSource);

        var live = await server.Licensing.ResolveApiKeyAsync(new ResolveApiKeyRequest { ApiKey = tenant.LiveKey });
        var test = await server.Licensing.ResolveApiKeyAsync(new ResolveApiKeyRequest { ApiKey = tenant.TestKey });

        Assert.Equal(tenant.TenantId, live.TenantId);
        Assert.Equal("live", live.Environment);
        Assert.Equal("test", test.Environment);
        Assert.Equal("professional", live.Plan);
        Assert.Equal([ApiKey.AdminScope], live.Scopes);
        Assert.StartsWith("key_", live.KeyId, StringComparison.Ordinal);
        Assert.NotNull(await database.ScalarAsync<DateTime?>($"SELECT last_used_at FROM api_keys WHERE id = '{live.KeyId}'"));
    }

    [Theory]
    [InlineData("to_live_thisKeyWasNeverIssuedToAnybody00")]
    [InlineData("not-a-key")]
    [InlineData("")]
    public async Task AnUnknownKeyIsNotFound(string apiKey)
    {
        await using var database = await Database.CreateAsync(postgres);
        await using var server = await GrpcTestServer.StartAsync(database.DataSource);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.Licensing.ResolveApiKeyAsync(new ResolveApiKeyRequest { ApiKey = apiKey }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task ARevokedKeyIsNotFound()
    {
        await using var database = await Database.CreateAsync(postgres);
        var tenant = await ProvisionAsync(database, RateLimitPlan.Builder);
        await using (var db = database.CreateContext())
        {
            await db.ApiKeys.Where(k => k.TenantId == tenant.TenantId).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTimeOffset.UtcNow));
        }

        await using var server = await GrpcTestServer.StartAsync(database.DataSource);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.Licensing.ResolveApiKeyAsync(new ResolveApiKeyRequest { ApiKey = tenant.LiveKey }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private static async Task<ProvisionedTenant> ProvisionAsync(Database database, RateLimitPlan plan)
    {
        await using var db = database.CreateContext();
        return await new TenantProvisioning(db).CreateAsync("Tenant " + Guid.NewGuid().ToString("N")[..6], plan, null, CancellationToken.None);
    }
}
