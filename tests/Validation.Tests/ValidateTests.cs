using Platform.Contracts.Keys;

namespace Platform.Validation.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ValidateTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Fact]
    public async Task AValidKeyIsAnsweredWithTheLicenseInEitherSpellingAndThenFromTheCache()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (id, key) = await platform.CreateLicenseAsync(new { max_activations = 3, features = new[] { "export" } });

        var first = await platform.ValidateAsync(new { key });
        var body = await first.JsonAsync();
        // As a user might type it: lower case, no dashes after the prefix.
        var typed = key[..3] + key[3..].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var second = await platform.ValidateAsync(new { license_key = typed, machine_id = "m-1", product_id = platform.ProductId, features = new[] { "export" } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(body.GetProperty("valid").GetBoolean());
        var license = body.GetProperty("license");
        Assert.Equal((id, key, "active", "perpetual"), (license.GetProperty("id").GetString(), license.GetProperty("key").GetString(), license.GetProperty("status").GetString(), license.GetProperty("type").GetString()));
        Assert.Equal(3, license.GetProperty("maxActivations").GetInt32());
        Assert.Equal(0, license.GetProperty("activations").GetInt32());
        Assert.Equal(["export"], license.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(JsonValueKind.Null, license.GetProperty("expiresAt").ValueKind);
        Assert.InRange(body.GetProperty("validatedAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddSeconds(-10), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.False(body.GetProperty("servedFromCache").GetBoolean());
        Assert.False(body.TryGetProperty("offlineToken", out _));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        // Written whole with its length: not chunked (the header as sent; HttpClient works a length out of any buffered body).
        Assert.NotEqual(true, second.Headers.TransferEncodingChunked);
        Assert.Equal(1, platform.Licensing.CallsTo("GetLicenseByKey"));
    }

    [Fact]
    public async Task AKeyImportedFromAnotherSystemValidatesAndActivatesAsGiven()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        const string legacy = "LEGACY-2019-ab12_cd";
        var imported = await platform.Admin.PostAsJsonAsync("/api/v1/licenses/import",
            new { licenses = new[] { new { key = legacy, product_id = platform.ProductId, max_activations = 1 } } });
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);

        var valid = await platform.ValidateAsync(new { key = legacy });
        var activated = await platform.Client.PostAsJsonAsync("/api/v1/activate", new { key = legacy, machine_id = "old-box" });
        var otherCase = await platform.ValidateAsync(new { key = legacy.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(legacy, (await valid.JsonAsync()).GetProperty("license").GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        // Imported keys are kept exactly as the vendor's old system issued them.
        Assert.Equal(HttpStatusCode.NotFound, otherCase.StatusCode);
    }

    [Fact]
    public async Task AMistypedKeyIsInvalidKeyFormatWithoutAnyCallToLicensing()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (_, key) = await platform.CreateLicenseAsync();
        var typo = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');

        var response = await platform.ValidateAsync(new { key = typo });
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.GetProperty("valid").GetBoolean());
        Assert.Equal("INVALID_KEY_FORMAT", body.GetProperty("code").GetString());
        Assert.Equal("/docs/errors#INVALID_KEY_FORMAT", body.GetProperty("help").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
        Assert.Equal(0, platform.Licensing.CallsTo("GetLicenseByKey"));
    }

    [Fact]
    public async Task BadRequestsAreAnsweredInTheErrorFormat()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);

        var missing = await platform.ValidateAsync(new { domain = "example.com" });
        var garbage = await platform.Client.PostAsync("/api/v1/validate", new StringContent("{\"key\": ", System.Text.Encoding.UTF8, "application/json"));
        var tooLong = await platform.ValidateAsync(new { key = LicenseKeyFormat.Generate(), machine_id = new string('m', 300) });

        Assert.Equal((HttpStatusCode.BadRequest, "MISSING_FIELDS"), (missing.StatusCode, (await missing.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_JSON"), (garbage.StatusCode, (await garbage.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "VALIDATION_ERROR"), (tooLong.StatusCode, (await tooLong.JsonAsync()).GetProperty("code").GetString()));
    }

    [Fact]
    public async Task AnUnknownKeyIsNotFoundAndRememberedSoAFloodDoesNotReachLicensing()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var unknown = LicenseKeyFormat.Generate();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await platform.ValidateAsync(new { key = unknown }));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        var body = await answers[0].JsonAsync();
        Assert.Equal(("LICENSE_NOT_FOUND", false), (body.GetProperty("code").GetString(), body.GetProperty("valid").GetBoolean()));
        Assert.Equal(1, platform.Licensing.CallsTo("GetLicenseByKey"));
    }

    [Fact]
    public async Task AHundredConcurrentValidationsOfAColdKeyMakeOneCallToLicensing()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (_, key) = await platform.CreateLicenseAsync();
        using var gate = new SemaphoreSlim(0);

        var requests = Enumerable.Range(0, 100).Select(async _ =>
        {
            await gate.WaitAsync();
            return await platform.ValidateAsync(new { key });
        }).ToList();
        gate.Release(100);
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, platform.Licensing.CallsTo("GetLicenseByKey"));
    }

    [Fact]
    public async Task RefusalsCarryTheirCodeStatusAndTheErrorFormat()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (_, key) = await platform.CreateLicenseAsync(new { features = new[] { "export" } });
        var (_, expired) = await platform.CreateLapsedLicenseAsync(DateTimeOffset.UtcNow.AddDays(-1), new { type = "subscription" });

        await AssertRefusedAsync(platform, new { key, product_id = "prod_other" }, HttpStatusCode.Forbidden, "PRODUCT_MISMATCH");
        await AssertRefusedAsync(platform, new { key, features = new[] { "export", "sso" } }, HttpStatusCode.Forbidden, "FEATURE_NOT_ENTITLED");
        await AssertRefusedAsync(platform, new { key = expired }, HttpStatusCode.Forbidden, "LICENSE_EXPIRED");
    }

    [Fact]
    public async Task AnApiKeyOfAnotherTenantSeesNoLicense()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (_, key) = await platform.CreateLicenseAsync();

        using var own = new HttpRequestMessage(HttpMethod.Post, "/api/v1/validate") { Content = JsonContent.Create(new { key }) };
        own.Headers.Add("X-Platform-Identity", platform.Licensing.IdentityHeader(platform.TenantId));
        using var other = new HttpRequestMessage(HttpMethod.Post, "/api/v1/validate") { Content = JsonContent.Create(new { key }) };
        other.Headers.Add("X-Platform-Identity", platform.Licensing.IdentityHeader("ten_someoneelse"));
        using var live = new HttpRequestMessage(HttpMethod.Post, "/api/v1/validate") { Content = JsonContent.Create(new { key }) };
        live.Headers.Add("X-Platform-Identity", platform.Licensing.IdentityHeader(platform.TenantId, "live"));
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/v1/validate") { Content = JsonContent.Create(new { key }) };
        forged.Headers.Add("X-Platform-Identity", "v1.e30.AAAA");

        Assert.Equal(HttpStatusCode.OK, (await platform.Client.SendAsync(own)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Client.SendAsync(other)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Client.SendAsync(live)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Client.SendAsync(forged)).StatusCode);
    }

    internal static async Task AssertRefusedAsync(TestPlatform platform, object request, HttpStatusCode status, string code)
    {
        var response = await platform.ValidateAsync(request);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == status, $"{code}: {(int)response.StatusCode} {body}");
        Assert.False(body.GetProperty("valid").GetBoolean());
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal($"/docs/errors#{code}", body.GetProperty("help").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task ConcurrentMissesOfManyKeysAreReadTogetherAndEachGetsItsOwnAnswer()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var licenses = new List<(string Id, string Key)>();
        for (var i = 0; i < 40; i++)
        {
            licenses.Add(await platform.CreateLicenseAsync());
        }

        var unknown = LicenseKeyFormat.Generate();
        var answers = await Task.WhenAll(licenses.Select(l => l.Key).Append(unknown).Select(async key =>
        {
            using var response = await platform.ValidateAsync(new { key });
            return (key, response.StatusCode, Body: await response.JsonAsync());
        }));

        foreach (var (id, key) in licenses)
        {
            var answer = answers.Single(a => a.key == key);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(id, answer.Body.GetProperty("license").GetProperty("id").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, answers.Single(a => a.key == unknown).StatusCode);
        var reads = platform.Licensing.CallsTo("GetLicenseByKey") + platform.Licensing.CallsTo("GetLicensesByKeys");
        Assert.True(reads < 20, $"41 cold keys took {reads} reads");
    }
}

