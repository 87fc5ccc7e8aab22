using System.Net;
using Platform.Contracts.Keys;
using Platform.Protos.Licensing.V1;
using Grpc.Core;

namespace Platform.Licensing.Tests;

/// <summary>Plans and what licenses take from them; updates, renewals, batches and key rotation through the REST API.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PlansAndChangesTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ALicenseTakesItsPlansTermsUnlessItOverridesThem()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var plan = await s.CreatePlanAsync(new
        {
            license_type = "subscription", duration_days = 30, max_activations = 3, max_domains = 2, features = new[] { "sync" },
            requires_activation = true, offline_grace_days = 7, expiry_behavior = "keep_access",
        });
        var planId = plan.GetProperty("id").GetString()!;

        var onPlan = await s.CreateLicenseAsync(new { plan_id = planId, features = new[] { "export" } });
        var overriding = await s.CreateLicenseAsync(new { plan_id = planId, max_activations = 10 });

        Assert.Equal("subscription", onPlan.GetProperty("type").GetString());
        Assert.Equal(3, onPlan.GetProperty("maxActivations").GetInt32());
        Assert.Equal(10, overriding.GetProperty("maxActivations").GetInt32());
        Assert.Equal(["sync", "export"], onPlan.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("keep_access", onPlan.GetProperty("expiryBehavior").GetString());
        var expires = onPlan.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(30).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(30).AddMinutes(1));

        var snapshot = await s.Licensing.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = onPlan.GetProperty("key").GetString() });
        Assert.Equal((planId, "Pro", true, 7 * 86_400, "keep_access"), (snapshot.PlanId, snapshot.PlanName, snapshot.RequiresActivation, snapshot.OfflineGraceSeconds, snapshot.ExpiryBehavior));
        Assert.Equal(3, snapshot.MaxActivations);
    }

    [Fact]
    public async Task PlanInputIsCheckedAndOtherTenantsPlansAreNotFound()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var bad = await s.PostAsync("/api/v1/plans", new { product_id = s.ProductId, name = "X", expiry_behavior = "explode", duration_days = 0 }, HttpStatusCode.BadRequest);
        var missing = await s.PostAsync("/api/v1/plans", new { license_type = "trial" }, HttpStatusCode.BadRequest);
        var plan = await s.CreatePlanAsync(new { });
        using var stranger = s.Api.ClientFor("ten_someoneelse");

        Assert.Equal("VALIDATION_ERROR", bad.GetProperty("code").GetString());
        Assert.Contains("expiry_behavior", bad.GetProperty("error").GetString());
        Assert.Contains("duration_days", bad.GetProperty("error").GetString());
        Assert.Equal("MISSING_FIELDS", missing.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/plans/{plan.GetProperty("id").GetString()}")).StatusCode);
        var foreignPlan = await s.PostAsync("/api/v1/licenses", new { product_id = s.ProductId, plan_id = "plan_doesnotexist" }, HttpStatusCode.NotFound);
        Assert.Equal("NOT_FOUND", foreignPlan.GetProperty("code").GetString());
    }

    [Fact]
    public async Task UpdatesChangeOnlyWhatIsSentAndRenewalExtendsByThePlansDuration()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var plan = await s.CreatePlanAsync(new { duration_days = 10 });
        var license = await s.CreateLicenseAsync(new { plan_id = plan.GetProperty("id").GetString(), customer_email = "a@example.com", metadata = new { seat = "1" } });
        var id = license.GetProperty("id").GetString();
        var firstExpiry = license.GetProperty("expiresAt").GetDateTimeOffset();

        var patch = await s.Client.PatchAsync($"/api/v1/licenses/{id}", Json(new { max_domains = 4, domains = new[] { "Example.com" } }));
        var updated = await patch.JsonAsync();
        var renewed = await s.PostAsync($"/api/v1/licenses/{id}/renew", new { }, HttpStatusCode.OK);
        var until = DateTimeOffset.UtcNow.AddDays(100);
        var explicitRenewal = await s.PostAsync($"/api/v1/licenses/{id}/renew", new { expires_at = until }, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal((4, "a@example.com", "example.com"), (updated.GetProperty("maxDomains").GetInt32(), updated.GetProperty("customerEmail").GetString(), updated.GetProperty("domains")[0].GetString()));
        Assert.Equal("1", updated.GetProperty("metadata").GetProperty("seat").GetString());
        // Postgres keeps microseconds: compare to the millisecond.
        Assert.Equal(firstExpiry.AddDays(10).ToUnixTimeMilliseconds(), renewed.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(until.ToUnixTimeMilliseconds(), explicitRenewal.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(["license.created", "license.updated", "license.renewed", "license.renewed"],
            await s.Database.ListAsync<string>($"SELECT type FROM outbox WHERE aggregate_id = '{id}' ORDER BY version"));
    }

    [Fact]
    public async Task ARevokedLicenseCannotBeRenewedAndAPerpetualOneNeedsAnExpiry()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var perpetual = (await s.CreateLicenseAsync()).GetProperty("id").GetString();
        var revoked = (await s.CreateLicenseAsync()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await s.Client.DeleteAsync($"/api/v1/licenses/{revoked}")).StatusCode);

        var noDuration = await s.PostAsync($"/api/v1/licenses/{perpetual}/renew", new { }, HttpStatusCode.Conflict);
        var refused = await s.PostAsync($"/api/v1/licenses/{revoked}/renew", new { expires_at = DateTimeOffset.UtcNow.AddDays(1) }, HttpStatusCode.Conflict);

        Assert.Equal("CONFLICT", noDuration.GetProperty("code").GetString());
        Assert.Contains("revoked", refused.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ABatchCreatesAllOrNothing()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var created = await s.PostAsync("/api/v1/licenses/batch", new { licenses = Enumerable.Range(0, 3).Select(i => new { product_id = s.ProductId, type = "perpetual", customer_email = $"c{i}@example.com" }) });
        var invalid = await s.PostAsync("/api/v1/licenses/batch", new { licenses = new object[] { new { product_id = s.ProductId }, new { product_id = s.ProductId, type = "forever" } } }, HttpStatusCode.BadRequest);
        var tooMany = await s.PostAsync("/api/v1/licenses/batch", new { licenses = Enumerable.Range(0, 101).Select(_ => new { product_id = s.ProductId }) }, HttpStatusCode.BadRequest);

        Assert.Equal(3, created.GetProperty("data").GetArrayLength());
        Assert.Contains("licenses[1].type", invalid.GetProperty("error").GetString());
        Assert.Equal("VALIDATION_ERROR", tooMany.GetProperty("code").GetString());
        Assert.Equal(3, await s.Database.ScalarAsync<long>("SELECT count(*) FROM licenses"));
    }

    [Fact]
    public async Task ARotatedKeyKeepsWorkingThroughItsGracePeriodAndThenIsMarkedPast()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var license = await s.CreateLicenseAsync();
        var (id, oldKey) = (license.GetProperty("id").GetString(), license.GetProperty("key").GetString()!);

        var rotated = await s.PostAsync("/api/v1/licenses/rotate", new { licenseId = id, gracePeriodDays = 7 }, HttpStatusCode.OK);
        var newKey = rotated.GetProperty("newKey").GetString()!;
        var viaOld = await s.Licensing.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = oldKey });
        var viaNew = await s.Licensing.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = newKey });

        Assert.True(LicenseKeyFormat.TryNormalize(newKey, out _));
        Assert.NotEqual(oldKey, newKey);
        Assert.Equal((oldKey, newKey), (viaOld.Key, viaOld.CurrentKey));
        Assert.InRange(viaOld.KeyValidUntil.ToDateTimeOffset(), DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(7).AddMinutes(1));
        Assert.Null(viaNew.KeyValidUntil);

        // The grace period ends: the old key still finds the license, marked as past its validity, and activates nothing.
        await s.Database.ExecuteAsync($"UPDATE licenses SET previous_key_valid_until = now() - interval '1 second' WHERE id = '{id}'");
        var expired = await s.Licensing.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = oldKey });
        var activation = await Assert.ThrowsAsync<RpcException>(async () =>
            await s.Licensing.ActivateAsync(new ActivateRequest { Key = oldKey, Fingerprint = "m" }));
        Assert.True(expired.KeyValidUntil.ToDateTimeOffset() < DateTimeOffset.UtcNow);
        Assert.Equal(StatusCode.NotFound, activation.StatusCode);

        var missing = await s.PostAsync("/api/v1/licenses/rotate", new { gracePeriodDays = 400 }, HttpStatusCode.BadRequest);
        Assert.Equal("MISSING_FIELDS", missing.GetProperty("code").GetString());
    }

    private static StringContent Json(object body) => new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task ManyKeysReadAtOnceGiveTheSameSnapshotsAsOneAtATime()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var plan = await s.CreatePlanAsync(new { max_activations = 2, features = new[] { "sync" } });
        var onPlan = (await s.CreateLicenseAsync(new { plan_id = plan.GetProperty("id").GetString() })).GetProperty("key").GetString()!;
        var plain = (await s.CreateLicenseAsync()).GetProperty("key").GetString()!;
        var rotating = await s.CreateLicenseAsync();
        var oldKey = rotating.GetProperty("key").GetString()!;
        var newKey = (await s.PostAsync("/api/v1/licenses/rotate", new { licenseId = rotating.GetProperty("id").GetString(), gracePeriodDays = 7 }, HttpStatusCode.OK))
            .GetProperty("newKey").GetString()!;
        string[] known = [onPlan, plain, oldKey, newKey];

        var batch = await s.Licensing.GetLicensesByKeysAsync(new GetLicensesByKeysRequest
        {
            // Asked as a user might type one of them; a key nobody has and a mistyped one are left out.
            Keys = { onPlan.ToLowerInvariant(), plain, oldKey, newKey, LicenseKeyFormat.Generate(), plain[..^1] + (plain[^1] == 'A' ? 'B' : 'A') },
        });
        var tooMany = await Assert.ThrowsAsync<RpcException>(async () =>
            await s.Licensing.GetLicensesByKeysAsync(new GetLicensesByKeysRequest { Keys = { Enumerable.Range(0, 501).Select(_ => LicenseKeyFormat.Generate()) } }));

        Assert.Equal(known.Order(StringComparer.Ordinal), batch.Licenses.Select(l => l.Key).Order(StringComparer.Ordinal));
        foreach (var key in known)
        {
            var single = await s.Licensing.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = key });
            Assert.Equal(single, batch.Licenses.Single(l => l.Key == key));
        }

        Assert.Equal(StatusCode.InvalidArgument, tooMany.StatusCode);
    }
}
