namespace Platform.Validation.Tests;

/// <summary>The license's terms as Licensing sets them (plans, domains, rotation), answered by Validation.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TermsTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Fact]
    public async Task DomainsAreBoundOnFirstValidationUpToTheLimit()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (_, key) = await platform.CreateLicenseAsync(new { max_domains = 2 });

        var first = await platform.ValidateAsync(new { key, domain = "a.example.com" });
        var second = await platform.ValidateAsync(new { key, domain = "b.example.com" });
        var again = await platform.ValidateAsync(new { key, domain = "A.Example.COM." });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(["a.example.com"], (await first.JsonAsync()).GetProperty("license").GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await ValidateTests.AssertRefusedAsync(platform, new { key, domain = "c.example.com" }, HttpStatusCode.Forbidden, "DOMAIN_LIMIT_REACHED");
        Assert.Equal(2, platform.Licensing.CallsTo("BindDomain"));
    }

    [Fact]
    public async Task AFixedDomainListRefusesAnyOtherDomain()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (_, key) = await platform.CreateLicenseAsync(new { domains = new[] { "example.com" } });

        Assert.Equal(HttpStatusCode.OK, (await platform.ValidateAsync(new { key, domain = "example.com" })).StatusCode);
        await ValidateTests.AssertRefusedAsync(platform, new { key, domain = "other.com" }, HttpStatusCode.Forbidden, "DOMAIN_MISMATCH");
        Assert.Equal(0, platform.Licensing.CallsTo("BindDomain"));
    }

    [Fact]
    public async Task APlanThatRequiresActivationRefusesAMachineNotActivated()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var plan = await CreatePlanAsync(platform, new { requires_activation = true, max_activations = 2, offline_grace_days = 7 });
        var (_, key) = await platform.CreateLicenseAsync(new { plan_id = plan });

        await ValidateTests.AssertRefusedAsync(platform, new { key, machine_id = "machine-1" }, HttpStatusCode.Forbidden, "MACHINE_NOT_ACTIVATED");
        await ValidateTests.AssertRefusedAsync(platform, new { key }, HttpStatusCode.Forbidden, "MACHINE_NOT_ACTIVATED");
        Assert.Equal(HttpStatusCode.OK, (await platform.Client.PostAsJsonAsync("/api/v1/activate", new { key, machine_id = "machine-1" })).StatusCode);
        var valid = await platform.ValidateAsync(new { key, machine_id = "machine-1", offline_token = true });

        var body = await valid.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal("Pro", body.GetProperty("license").GetProperty("plan").GetString());
        var token = body.GetProperty("offlineToken");
        var issuedAt = body.GetProperty("validatedAt").GetDateTimeOffset();
        Assert.InRange(token.GetProperty("offlineUntil").GetDateTimeOffset() - issuedAt, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(2), TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task ExpiryFollowsThePlansExpiryBehaviour()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var lapsed = DateTimeOffset.UtcNow.AddDays(-1);
        var keep = await CreatePlanAsync(platform, new { expiry_behavior = "keep_access", license_type = "subscription" });
        var revoke = await CreatePlanAsync(platform, new { expiry_behavior = "revoke", license_type = "subscription" });
        var (_, kept) = await platform.CreateLapsedLicenseAsync(lapsed, new { plan_id = keep, type = "subscription" });
        var (_, revoked) = await platform.CreateLapsedLicenseAsync(lapsed, new { plan_id = revoke, type = "subscription" });

        var keptAnswer = await platform.ValidateAsync(new { key = kept });

        var body = await keptAnswer.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, keptAnswer.StatusCode);
        Assert.True(body.GetProperty("valid").GetBoolean());
        Assert.True(body.GetProperty("expired").GetBoolean());
        await ValidateTests.AssertRefusedAsync(platform, new { key = revoked }, HttpStatusCode.Forbidden, "LICENSE_REVOKED");
    }

    [Fact]
    public async Task ARotatedKeyWorksThroughItsGracePeriodAndIsRefusedAfter()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (graceId, inGrace) = await platform.CreateLicenseAsync();
        var (pastId, pastGrace) = await platform.CreateLicenseAsync();
        Assert.Equal(HttpStatusCode.OK, (await platform.ValidateAsync(new { key = pastGrace })).StatusCode);

        var rotated = await (await platform.Admin.PostAsJsonAsync("/api/v1/licenses/rotate", new { licenseId = graceId, gracePeriodDays = 3 })).JsonAsync();
        var ended = await (await platform.Admin.PostAsJsonAsync("/api/v1/licenses/rotate", new { licenseId = pastId, gracePeriodDays = 0 })).JsonAsync();
        var oldInGrace = await platform.ValidateAsync(new { key = inGrace });
        var newKey = await platform.ValidateAsync(new { key = rotated.GetProperty("newKey").GetString() });

        Assert.Equal(HttpStatusCode.OK, oldInGrace.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await oldInGrace.JsonAsync()).GetProperty("license").GetProperty("keyValidUntil").ValueKind);
        Assert.Equal(HttpStatusCode.OK, newKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.ValidateAsync(new { key = ended.GetProperty("newKey").GetString() })).StatusCode);
        // The old key was cached before the rotation: the event evicts it and the next answer is the refusal.
        var start = DateTime.UtcNow;
        HttpResponseMessage old;
        do
        {
            old = await platform.ValidateAsync(new { key = pastGrace });
        }
        while (old.StatusCode == HttpStatusCode.OK && DateTime.UtcNow - start < TimeSpan.FromSeconds(1));

        await ValidateTests.AssertRefusedAsync(platform, new { key = pastGrace }, HttpStatusCode.Forbidden, "KEY_ROTATED");
    }

    [Fact]
    public async Task UsageReachesLicensingInBatches()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (id, key) = await platform.CreateLicenseAsync();

        for (var i = 0; i < 25; i++)
        {
            await platform.ValidateAsync(new { key, machine_id = $"m-{i % 5}" });
        }

        await ValidateTests.AssertRefusedAsync(platform, new { key, product_id = "prod_other" }, HttpStatusCode.Forbidden, "PRODUCT_MISMATCH");
        JsonElement usage;
        var start = DateTime.UtcNow;
        do
        {
            await Task.Delay(100);
            // The usage route counts every report Licensing has received (the license's own counters follow at its next fold).
            var response = await platform.Admin.GetAsync($"/api/v1/licenses/{id}/usage");
            usage = await response.JsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, usage.ToString());
        }
        while (usage.GetProperty("validationCount").GetInt64() < 26 && DateTime.UtcNow - start < TimeSpan.FromSeconds(3));

        Assert.Equal(26, usage.GetProperty("validationCount").GetInt64());
        Assert.InRange(DateTime.UtcNow - start, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.NotEqual(JsonValueKind.Null, usage.GetProperty("lastValidatedAt").ValueKind);
        Assert.InRange(platform.Licensing.CallsTo("RecordUsage"), 1, 3);
    }

    private static async Task<string> CreatePlanAsync(TestPlatform platform, object fields)
    {
        var body = new Dictionary<string, object?> { ["product_id"] = platform.ProductId, ["name"] = "Pro", ["license_type"] = "perpetual" };
        foreach (var property in JsonSerializer.SerializeToElement(fields).EnumerateObject())
        {
            body[property.Name] = property.Value;
        }

        var response = await platform.Admin.PostAsJsonAsync("/api/v1/plans", body);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetString()!;
    }
}
