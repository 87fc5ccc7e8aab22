using System.Security.Cryptography;

namespace Platform.Validation.Tests;

/// <summary>Offline tokens verify with an Ed25519 implementation that is not ours: Node's built-in crypto.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OfflineTokenTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Fact]
    public async Task ATokenVerifiesWithNodeAgainstThePublishedKeysAndHoldsTheCanonicalPayload()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var expiresAt = new DateTimeOffset(2031, 2, 3, 4, 5, 6, TimeSpan.Zero);
        var (id, key) = await platform.CreateLicenseAsync(new { type = "subscription", expires_at = expiresAt, features = new[] { "sso", "export" } });

        var answer = await (await platform.ValidateAsync(new { key, machine_id = "machine-1", offline_token = true })).JsonAsync();
        var token = answer.GetProperty("offlineToken");
        var jwks = await (await platform.Client.GetAsync("/api/v1/keys")).JsonAsync();
        var verified = await Node.RunAsync("node/verify-token.js", new { token = token.GetProperty("token").GetString(), jwks });

        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal(token.GetProperty("keyId").GetString(), verified.GetProperty("header").GetProperty("kid").GetString());
        Assert.Equal("EdDSA", verified.GetProperty("header").GetProperty("alg").GetString());
        var payload = verified.GetProperty("payload");
        Assert.Equal(["v", "licenseId", "productId", "plan", "features", "machine", "domain", "expiresAt", "issuedAt", "offlineUntil"], payload.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, payload.GetProperty("licenseId").GetString());
        Assert.Equal(platform.ProductId, payload.GetProperty("productId").GetString());
        Assert.Equal(["export", "sso"], payload.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("machine-1", payload.GetProperty("machine").GetString());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("domain").ValueKind);
        Assert.Equal("2031-02-03T04:05:06Z", payload.GetProperty("expiresAt").GetString());
        var issuedAt = DateTimeOffset.Parse(payload.GetProperty("issuedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(issuedAt, DateTimeOffset.UtcNow.AddSeconds(-10), DateTimeOffset.UtcNow);
        Assert.Equal(token.GetProperty("offlineUntil").GetDateTimeOffset(), DateTimeOffset.Parse(payload.GetProperty("offlineUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ATamperedTokenDoesNotVerify()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (_, key) = await platform.CreateLicenseAsync(new { features = new[] { "basic" } });
        var token = (await (await platform.ValidateAsync(new { key, offlineToken = true })).JsonAsync()).GetProperty("offlineToken").GetProperty("token").GetString()!;
        var jwks = await (await platform.Client.GetAsync("/api/v1/keys")).JsonAsync();
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(parts[1])).Replace("\"basic\"", "\"all\"", StringComparison.Ordinal);
        var forged = parts[0] + "." + Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(payload)) + "." + parts[2];

        var verified = await Node.RunAsync("node/verify-token.js", new { token = forged, jwks });

        Assert.False(verified.GetProperty("valid").GetBoolean());
        Assert.Equal(["all"], verified.GetProperty("payload").GetProperty("features").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task AfterRotationTheNewKeySignsAndTokensOfTheOldOneStillVerify()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (_, key) = await platform.CreateLicenseAsync();
        var oldSeed = platform.Validation.Seeds[0];
        var oldToken = (await (await platform.ValidateAsync(new { key, offline_token = true })).JsonAsync()).GetProperty("offlineToken");

        // The rotated replica: a new seed first, the old one kept after it.
        var eventBus = broker.ConnectionString;
        await using var rotated = await ValidationHost.StartAsync(platform.Licensing, eventBus, seeds: [RandomNumberGenerator.GetBytes(32), oldSeed]);
        using var client = rotated.Client();
        var newToken = (await (await client.PostAsJsonAsync("/api/v1/validate", new { key, offline_token = true })).JsonAsync()).GetProperty("offlineToken");
        var jwks = await (await client.GetAsync("/api/v1/keys")).JsonAsync();

        var keys = jwks.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(2, keys.Count);
        Assert.Equal(["active", "retired"], keys.Select(k => k.GetProperty("status").GetString()));
        Assert.All(keys, k => Assert.Equal(("OKP", "Ed25519", "EdDSA"), (k.GetProperty("kty").GetString(), k.GetProperty("crv").GetString(), k.GetProperty("alg").GetString())));
        Assert.Equal(oldToken.GetProperty("keyId").GetString(), keys[1].GetProperty("kid").GetString());
        Assert.Equal(newToken.GetProperty("keyId").GetString(), keys[0].GetProperty("kid").GetString());
        Assert.NotEqual(oldToken.GetProperty("keyId").GetString(), newToken.GetProperty("keyId").GetString());
        Assert.True((await Node.RunAsync("node/verify-token.js", new { token = oldToken.GetProperty("token").GetString(), jwks })).GetProperty("valid").GetBoolean());
        Assert.True((await Node.RunAsync("node/verify-token.js", new { token = newToken.GetProperty("token").GetString(), jwks })).GetProperty("valid").GetBoolean());
    }
}
