using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Model;

namespace Platform.Licensing.Tests;

[Collection(PostgresCollection.Name)]
public sealed class TenantProvisioningTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ANewTenantGetsOneAdminKeyPerEnvironmentStoredOnlyAsADigest()
    {
        await using var database = await Database.CreateAsync(postgres);
        await using var db = database.CreateContext();

        var tenant = await new TenantProvisioning(db).CreateAsync("Acme", RateLimitPlan.Starter, "ACME", CancellationToken.None);

        Assert.StartsWith("ten_", tenant.TenantId, StringComparison.Ordinal);
        Assert.Matches("^to_test_[0-9A-Za-z]{32}$", tenant.TestKey);
        Assert.Matches("^to_live_[0-9A-Za-z]{32}$", tenant.LiveKey);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.TenantId == tenant.TenantId).ToListAsync();
        Assert.Equal([ApiEnvironment.Live, ApiEnvironment.Test], keys.Select(k => k.Environment).Order());
        Assert.All(keys, k => Assert.Equal([ApiKey.AdminScope], k.Scopes));
        Assert.Contains(keys, k => k.Digest.SequenceEqual(SHA256.HashData(Encoding.UTF8.GetBytes(tenant.TestKey))));

        // The secret itself is nowhere in the table.
        var dump = await database.ScalarAsync<string>("SELECT string_agg(t::text, '|') FROM api_keys t");
        Assert.DoesNotContain(tenant.TestKey, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.LiveKey, dump, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("A")]
    [InlineData("TOO-LONG-PREFIX")]
    public async Task AnInvalidKeyPrefixIsRefused(string prefix)
    {
        await using var database = await Database.CreateAsync(postgres);
        await using var db = database.CreateContext();

        await Assert.ThrowsAsync<ArgumentException>(() => new TenantProvisioning(db).CreateAsync("Acme", RateLimitPlan.Builder, prefix, CancellationToken.None));
    }

    [Fact]
    public void ApiKeySecretsCarryTheirEnvironment()
    {
        Assert.Equal(ApiEnvironment.Live, ApiKeySecret.EnvironmentOf(ApiKeySecret.Generate(ApiEnvironment.Live)));
        Assert.Equal(ApiEnvironment.Test, ApiKeySecret.EnvironmentOf(ApiKeySecret.Generate(ApiEnvironment.Test)));
        Assert.Null(ApiKeySecret.EnvironmentOf("sk_live_something"));
        Assert.NotEqual(ApiKeySecret.Generate(ApiEnvironment.Live), ApiKeySecret.Generate(ApiEnvironment.Live));
    }
}
