using System.Net.Http.Json;

namespace Platform.Webhooks.Tests;

/// <summary>Endpoint management: validation, the safety rules on URLs, tenant and environment isolation, pagination, secrets.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class EndpointsApiTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hooks")]
    [InlineData("http://localhost/hooks")]
    [InlineData("http://10.1.2.3/hooks")]
    [InlineData("http://192.168.1.10/hooks")]
    [InlineData("http://172.20.0.5/hooks")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hooks")]
    [InlineData("http://[fd00::1]/hooks")]
    [InlineData("http://[::ffff:10.0.0.1]/hooks")]
    [InlineData("http://0.0.0.0/hooks")]
    [InlineData("http://[::127.0.0.1]/hooks")] // IPv4-compatible
    [InlineData("http://[::ffff:0:127.0.0.1]/hooks")] // IPv4-translated
    [InlineData("http://[64:ff9b::a00:1]/hooks")] // NAT64 of 10.0.0.1
    [InlineData("http://[64:ff9b:1::1]/hooks")] // local-use NAT64
    [InlineData("http://[100::1]/hooks")] // discard-only
    [InlineData("http://[2001::1]/hooks")] // Teredo
    [InlineData("http://[2002:7f00:1::1]/hooks")] // 6to4 of 127.0.0.1
    [InlineData("http://[::1%25lo]/hooks")] // loopback with a zone
    [InlineData("http://[fe80::1%251]/hooks")] // link-local with a zone
    [InlineData("http://127.0.0.1#@example.com/x")]
    [InlineData("http://2130706433/hooks")] // 127.0.0.1 as one number
    [InlineData("http://0x7f.1/hooks")]
    public async Task AUrlPointingAtAPrivateAddressIsRefusedAtCreation(string url)
    {
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker), ("Webhooks:AllowLoopback", "false"));
        using var client = host.ClientFor(TestEvents.NewTenant());

        var response = await client.PostJsonAsync("/api/v1/webhooks", new { url, events = new[] { "*" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("URL_NOT_ALLOWED", (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/webhooks")).GetProperty("pagination").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task AllowingLoopbackDoesNotAllowPrivateNetworks()
    {
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        using var client = host.ClientFor(TestEvents.NewTenant());

        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hooks", events = new[] { "*" } })).StatusCode);
        var refused = await client.PostJsonAsync("/api/v1/webhooks", new { url = "http://10.0.0.1/hooks", events = new[] { "*" } });
        Assert.Equal("URL_NOT_ALLOWED", (await refused.JsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("https://127.0.0.1:8443/hooks")]
    [InlineData("https://localhost/hooks")]
    [InlineData("https://[::1]/hooks")]
    public async Task AllowingLoopbackAllowsItOnlyForTestModeEndpoints(string url)
    {
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        var tenant = TestEvents.NewTenant();
        using var live = host.ClientFor(tenant, "live");
        using var test = host.ClientFor(tenant, "test");

        var refused = await live.PostJsonAsync("/api/v1/webhooks", new { url, events = new[] { "*" } });
        var created = await test.PostJsonAsync("/api/v1/webhooks", new { url, events = new[] { "*" } });

        Assert.Equal("URL_NOT_ALLOWED", (await refused.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task ALoopbackEndpointSavedWhileAllowedIsNotReachedOnceTheServiceRefusesLoopback()
    {
        await using var receiver = await Receiver.StartAsync();
        var setup = await WebhooksSetup.CreateAsync(postgres, broker);
        var tenant = TestEvents.NewTenant();
        string endpointId;
        await using (var permissive = await WebhooksHost.StartAsync(setup))
        {
            using var client = permissive.ClientFor(tenant);
            (endpointId, _) = await client.CreateEndpointAsync(receiver.Url);
        }

        // The check at connect time, after resolution, is what stops a name re-pointed at an internal address.
        await using var strict = await WebhooksHost.StartAsync(setup, ("Webhooks:AllowLoopback", "false"));
        using var strictClient = strict.ClientFor(tenant);
        await strict.PublishAsync(TestEvents.License(tenant));

        while ((await strictClient.DeliveriesAsync(endpointId)).GetProperty("data") is var data && (data.GetArrayLength() == 0 || data[0].GetProperty("lastError").ValueKind == JsonValueKind.Null))
        {
            await Task.Delay(50);
        }

        var delivery = (await strictClient.DeliveriesAsync(endpointId)).GetProperty("data")[0];
        Assert.Contains("Refused", delivery.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Theory]
    [InlineData("{\"events\":[\"*\"]}", "MISSING_FIELDS")]
    [InlineData("{\"url\":\"http://127.0.0.1/hooks\"}", "MISSING_FIELDS")]
    [InlineData("{\"url\":\"ftp://127.0.0.1/hooks\",\"events\":[\"*\"]}", "VALIDATION_ERROR")]
    [InlineData("{\"url\":\"not a url\",\"events\":[\"*\"]}", "VALIDATION_ERROR")]
    [InlineData("{\"url\":\"http://user:pw@127.0.0.1/hooks\",\"events\":[\"*\"]}", "VALIDATION_ERROR")]
    [InlineData("{\"url\":\"http://127.0.0.1/hooks\",\"events\":[\"license.exploded\"]}", "VALIDATION_ERROR")]
    [InlineData("{\"url\":\"http://127.0.0.1/hooks\",\"events\":[\"*\"],\"enabled\":\"yes\"}", "VALIDATION_ERROR")]
    [InlineData("{\"url\":\"http://127.0.0.1/hooks\",\"events\":[\"*\"],", "INVALID_JSON")]
    public async Task BadInputIsAPlatformErrorWithAStableCode(string body, string code)
    {
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        using var client = host.ClientFor(TestEvents.NewTenant());

        var response = await client.PostAsync("/api/v1/webhooks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task LiveModeEndpointsMustUseHttps()
    {
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        using var live = host.ClientFor(TestEvents.NewTenant(), "live");

        var refused = await live.PostJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hooks", events = new[] { "*" } });
        var accepted = await live.PostJsonAsync("/api/v1/webhooks", new { url = "https://1.1.1.1:9/hooks", events = new[] { "*" } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("https", (await refused.JsonAsync()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task AnotherTenantOrEnvironmentFindsNothing()
    {
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        var tenant = TestEvents.NewTenant();
        using var owner = host.ClientFor(tenant);
        using var ownerLive = host.ClientFor(tenant, "live");
        using var stranger = host.ClientFor(TestEvents.NewTenant());
        var (id, _) = await owner.CreateEndpointAsync("http://127.0.0.1:9/hooks");

        foreach (var client in new[] { stranger, ownerLive })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/webhooks/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { enabled = false })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/webhooks/{id}/deliveries")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/webhooks/{id}/test", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode);
            Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/webhooks")).GetProperty("pagination").GetProperty("total").GetInt64());
        }

        var notFound = await (await stranger.GetAsync($"/api/v1/webhooks/{id}")).JsonAsync();
        Assert.Equal("NOT_FOUND", notFound.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/webhooks/{id}")).StatusCode);
    }

    [Fact]
    public async Task WithoutAnAdminIdentityTheApiAnswers401Or403()
    {
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        using var anonymous = new HttpClient { BaseAddress = host.Address };
        using var portal = host.ClientFor(TestEvents.NewTenant(), scope: "portal");

        Assert.Equal("AUTH_REQUIRED", (await (await anonymous.GetAsync("/api/v1/webhooks")).JsonAsync()).GetProperty("code").GetString());
        var forbidden = await portal.GetAsync("/api/v1/webhooks");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task TheSecretIsShownOnlyOnCreationAndEndpointsPageLikeEveryList()
    {
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        using var client = host.ClientFor(TestEvents.NewTenant());
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var (id, secret) = await client.CreateEndpointAsync($"http://127.0.0.1:9/hooks/{i}", "license.created", "license.revoked");
            Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
            ids.Add(id);
        }

        var one = await client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{ids[0]}");
        Assert.False(one.TryGetProperty("secret", out _));
        Assert.Equal(["license.created", "license.revoked"], one.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/webhooks?page=2&limit=2");
        var pagination = page.GetProperty("pagination");
        Assert.Equal(2, page.GetProperty("data").GetArrayLength());
        Assert.Equal(5, pagination.GetProperty("total").GetInt64());
        Assert.Equal(3, pagination.GetProperty("totalPages").GetInt64());
        Assert.True(pagination.GetProperty("hasMore").GetBoolean());
        Assert.All(page.GetProperty("data").EnumerateArray(), e => Assert.False(e.TryGetProperty("secret", out _)));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/webhooks?limit=1000")).StatusCode);
    }

    [Fact]
    public async Task UpdateChangesWhatIsGivenAndDeleteRemovesTheEndpoint()
    {
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        using var client = host.ClientFor(TestEvents.NewTenant());
        var (id, _) = await client.CreateEndpointAsync("http://127.0.0.1:9/hooks");

        var updated = await client.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { events = new[] { "license.expired" }, enabled = false });
        var body = await updated.JsonAsync();
        var refused = await client.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { url = "http://10.0.0.1/" });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.False(body.GetProperty("enabled").GetBoolean());
        Assert.Equal("manual", body.GetProperty("disabledReason").GetString());
        Assert.Equal("http://127.0.0.1:9/hooks", body.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/webhooks/{id}/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/webhooks/{id}")).StatusCode);
    }
}
