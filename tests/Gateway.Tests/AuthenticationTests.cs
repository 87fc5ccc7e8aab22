using Microsoft.Extensions.DependencyInjection;
using Platform.AppHost.Servers;
using Platform.Gateway.Auth;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Tests;

/// <summary>Credentials at the Gateway, in front of the real Licensing service.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AuthenticationTests(PlatformFixture platform)
{
    [Fact]
    public async Task AManagementRouteWithoutCredentialsIsAuthRequired()
    {
        await using var gateway = await GatewayHost.StartAsync(platform);

        using var response = await gateway.Client().GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("AUTH_REQUIRED", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task AnAuthorizationHeaderThatIsNotBearerIsAuthRequired()
    {
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var client = gateway.Client();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");

        using var response = await client.GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("AUTH_REQUIRED", await response.ErrorCodeAsync());
    }

    [Theory]
    [InlineData("to_live_thisKeyWasNeverIssuedToAnybody00")]
    [InlineData("to_test_thisKeyWasNeverIssuedToAnybody00")]
    [InlineData("sk_live_someOtherVendorsKey")]
    public async Task AnUnknownKeyIsInvalidApiKey(string key)
    {
        await using var gateway = await GatewayHost.StartAsync(platform);

        using var response = await gateway.Client(key).GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("INVALID_API_KEY", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task AValidKeyReachesLicensingAsItsTenant()
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        await using var gateway = await GatewayHost.StartAsync(platform);

        using var response = await gateway.Client(tenant.TestKey).GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.JsonAsync()).GetProperty("pagination").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TestKeysSeeOnlyTestDataAndLiveKeysOnlyLiveData()
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var test = gateway.Client(tenant.TestKey);
        using var live = gateway.Client(tenant.LiveKey);

        using var created = await test.PostAsJsonAsync("/api/v1/products", new { name = "Test-mode product" });
        var id = (await created.JsonAsync()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await test.GetAsync($"/api/v1/products/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await live.GetAsync($"/api/v1/products/{id}")).StatusCode);
        Assert.Equal(0, (await (await live.GetAsync("/api/v1/products")).JsonAsync()).GetProperty("pagination").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AKeyWithoutTheRoutesScopeIsForbidden()
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        var validateOnly = await platform.Licensing.CreateKeyAsync(tenant.TenantId, ApiEnvironment.Live, ApiKey.ValidateScope);
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var client = gateway.Client(validateOnly);

        using var management = await client.GetAsync("/api/v1/products");
        using var validation = await client.PostAsJsonAsync("/api/v1/validate", new { key = "TO-AAAA-BBBB-CCCC-DDDD" });

        Assert.Equal(HttpStatusCode.Forbidden, management.StatusCode);
        Assert.Equal("FORBIDDEN", await management.ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.OK, validation.StatusCode);
    }

    [Fact]
    public async Task TheUpstreamGetsTheSignedIdentityAndNeverTheClientsOwn()
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Professional);
        await using var gateway = await GatewayHost.StartAsync(platform);
        var forged = IdentityToken.Sign(new CallerIdentity("ten_someoneElse", "live", ["admin"], "key_x", "enterprise"), new byte[32], DateTimeOffset.UtcNow);
        using var client = gateway.Client(tenant.LiveKey);
        client.DefaultRequestHeaders.Add(IdentityToken.HeaderName, forged);
        using var anonymous = gateway.Client();
        anonymous.DefaultRequestHeaders.Add(IdentityToken.HeaderName, forged);

        var seen = await (await client.PostAsJsonAsync("/api/v1/validate", new { key = "x" })).JsonAsync();
        var seenAnonymous = await (await anonymous.PostAsJsonAsync("/api/v1/validate", new { key = "x" })).JsonAsync();

        var identity = IdentityToken.Verify(seen.GetProperty("headers").GetProperty("x-platform-identity").GetString(),
            Convert.FromBase64String(platform.Licensing.IdentitySecret), DateTimeOffset.UtcNow);
        Assert.NotNull(identity);
        Assert.Equal(tenant.TenantId, identity.TenantId);
        Assert.Equal("live", identity.Environment);
        Assert.Equal("professional", identity.Plan);
        Assert.Equal(["admin"], identity.Scopes);
        Assert.False(seenAnonymous.GetProperty("headers").TryGetProperty("x-platform-identity", out _));
        Assert.False(seen.GetProperty("headers").TryGetProperty("authorization", out _));
    }

    [Fact]
    public async Task APortalTokenReachesOnlyPortalRoutesAsItsCustomer()
    {
        // Licensing's license routes lead to the plain upstream here, to see what the Gateway sends.
        await using var gateway = await GatewayHost.StartAsync(platform, new Dictionary<string, string?>
        {
            ["services:licensing:http:0"] = platform.Upstream.Address.ToString(),
        });
        var tokens = gateway.Services.GetRequiredService<PortalTokens>();
        using var client = gateway.Client(tokens.Issue("ten_portal", "live", "customer@example.com", DateTimeOffset.UtcNow));

        using var list = await client.GetAsync("/api/v1/licenses");
        using var create = await client.PostAsJsonAsync("/api/v1/licenses", new { product_id = "prod_x" });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var identity = IdentityToken.Verify((await list.JsonAsync()).GetProperty("headers").GetProperty("x-platform-identity").GetString(),
            Convert.FromBase64String(platform.Licensing.IdentitySecret), DateTimeOffset.UtcNow);
        Assert.NotNull(identity);
        Assert.Equal(("ten_portal", "live", "customer@example.com"), (identity.TenantId, identity.Environment, identity.Customer));
        Assert.Equal(["portal"], identity.Scopes);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal("FORBIDDEN", await create.ErrorCodeAsync());
    }

    [Fact]
    public async Task APortalSessionsReadOfTheAdminPathIsDeprecatedForThePortalRoutes()
    {
        await using var gateway = await GatewayHost.StartAsync(platform, new Dictionary<string, string?>
        {
            ["services:licensing:http:0"] = platform.Upstream.Address.ToString(),
        });
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        var tokens = gateway.Services.GetRequiredService<PortalTokens>();
        using var portal = gateway.Client(tokens.Issue("ten_portal", "live", "customer@example.com", DateTimeOffset.UtcNow));
        using var admin = gateway.Client(tenant.LiveKey);

        using var legacy = await portal.GetAsync("/api/v1/licenses/lic_1");
        using var successor = await portal.GetAsync("/api/v1/portal/licenses/lic_1");
        using var adminRead = await admin.GetAsync("/api/v1/licenses/lic_1");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (legacy.StatusCode, successor.StatusCode, adminRead.StatusCode));
        Assert.Equal("@1796601600", legacy.Header("Deprecation")); // 2026-12-07, RFC 9745
        Assert.Equal("Wed, 30 Jun 2027 00:00:00 GMT", legacy.Header("Sunset"));
        Assert.Equal("</api/v1/portal/licenses/lic_1>; rel=\"successor-version\"", legacy.Header("Link"));
        Assert.Equal(("", ""), (successor.Header("Deprecation"), adminRead.Header("Deprecation")));
    }

    [Fact]
    public async Task AForgedExpiredOrOverlongPortalTokenIsInvalidToken()
    {
        await using var gateway = await GatewayHost.StartAsync(platform);
        var tokens = gateway.Services.GetRequiredService<PortalTokens>();
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var now = DateTime.UtcNow;
        string Sign(byte[] key, DateTime issued, DateTime expires) => handler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = PortalTokens.Issuer,
            Audience = PortalTokens.Audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expires,
            Claims = new Dictionary<string, object> { ["sub"] = "c@example.com", ["tenant"] = "ten_x", ["env"] = "live" },
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(key), Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });

        string[] refused =
        [
            Sign(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), now, now.AddHours(1)),
            tokens.Issue("ten_x", "live", "c@example.com", DateTimeOffset.UtcNow.AddHours(-25)),
            Sign(gateway.PortalSecret, now, now.AddHours(48)),
            // Expired 10 s ago: more than the clock skew the Gateway allows (5 s).
            Sign(gateway.PortalSecret, now.AddHours(-1), now.AddSeconds(-10)),
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
        ];

        foreach (var token in refused)
        {
            using var response = await gateway.Client(token).GetAsync("/api/v1/licenses");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("INVALID_TOKEN", await response.ErrorCodeAsync());
        }

        // The same token minted with the right key for 24 hours passes the Gateway, and Licensing shows the customer's licenses (none).
        using var valid = await gateway.Client(Sign(gateway.PortalSecret, now, now.AddHours(24))).GetAsync("/api/v1/licenses");
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(0, (await valid.JsonAsync()).GetProperty("pagination").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task ValidationWithoutAKeyIsForwardedAndLimitedPerClientAddress()
    {
        await using var gateway = await GatewayHost.StartAsync(platform, new Dictionary<string, string?> { ["Gateway:RateLimits:AnonymousPerMinute"] = "3" });
        using var client = gateway.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/validate", new { key = "TO-AAAA" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task KeysCannotBeCheckedWhileLicensingIsDownSoTheAnswerIs503()
    {
        await using var gateway = await GatewayHost.StartAsync(platform, new Dictionary<string, string?>
        {
            ["services:licensing:grpc:0"] = $"http://127.0.0.1:{FreePort.Next()}",
        });

        using var response = await gateway.Client("to_live_someKeyThatCannotBeCheckedNow000").GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("SERVICE_UNAVAILABLE", await response.ErrorCodeAsync());
    }
}
