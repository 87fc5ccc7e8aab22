using System.Net;
using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Model;

namespace Platform.Licensing.Tests;

[Collection(PostgresCollection.Name)]
public sealed class IdempotencyTests(PostgresFixture postgres)
{
    [Fact]
    public async Task TheSameKeyAndBodyAnswersTheFirstResultAndCreatesNothingNew()
    {
        await using var database = await Database.CreateAsync(postgres);
        var (client, api, productId) = await StartAsync(database);
        await using var _ = api;
        client.DefaultRequestHeaders.Add("Idempotency-Key", "order-1001");

        var first = await client.PostJsonAsync("/api/v1/licenses", new { product_id = productId, type = "perpetual", customer_email = "a@example.com" });
        var retry = await client.PostJsonAsync("/api/v1/licenses", new { product_id = productId, type = "perpetual", customer_email = "a@example.com" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.JsonAsync()).GetProperty("license").GetProperty("key").GetString(), (await retry.JsonAsync()).GetProperty("license").GetProperty("key").GetString());
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM licenses"));
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBodyIsRefused()
    {
        await using var database = await Database.CreateAsync(postgres);
        var (client, api, productId) = await StartAsync(database);
        await using var _ = api;
        client.DefaultRequestHeaders.Add("Idempotency-Key", "order-1002");

        await client.PostJsonAsync("/api/v1/licenses", new { product_id = productId, type = "perpetual", customer_email = "a@example.com" });
        var other = await client.PostJsonAsync("/api/v1/licenses", new { product_id = productId, type = "perpetual", customer_email = "b@example.com" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", (await other.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM licenses"));
    }

    [Fact]
    public async Task TheSameKeyOnAnotherLicenseIsRefused()
    {
        // Route values are part of the request too: the key cannot be replayed against another license.
        await using var database = await Database.CreateAsync(postgres);
        var (client, api, productId) = await StartAsync(database);
        await using var _ = api;
        var one = (await (await client.PostJsonAsync("/api/v1/licenses", new { product_id = productId, type = "perpetual" })).JsonAsync()).GetProperty("license").GetProperty("id").GetString();
        var two = (await (await client.PostJsonAsync("/api/v1/licenses", new { product_id = productId, type = "perpetual" })).JsonAsync()).GetProperty("license").GetProperty("id").GetString();
        client.DefaultRequestHeaders.Add("Idempotency-Key", "suspend-1");

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/licenses/{one}/suspend", null)).StatusCode);
        var other = await client.PostAsync($"/api/v1/licenses/{two}/suspend", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("active", await database.ScalarAsync<string>($"SELECT status FROM licenses WHERE id = '{two}'"));
    }

    [Fact]
    public async Task TenRequestsWithOneKeyAtOnceCreateOneLicenseAndOneEvent()
    {
        await using var database = await Database.CreateAsync(postgres);
        var (client, api, productId) = await StartAsync(database);
        await using var _ = api;
        client.DefaultRequestHeaders.Add("Idempotency-Key", "stripe-evt-42");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.PostJsonAsync("/api/v1/licenses", new { product_id = productId, type = "perpetual" })));
        var keys = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("license").GetProperty("key").GetString()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(keys.Distinct());
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM licenses"));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE type = 'license.created'"));
    }

    [Fact]
    public async Task ARefusalWithAKeySavesNothingTheHandlerIssuedBeforeRefusing()
    {
        await using var database = await Database.CreateAsync(postgres);
        var (client, api, productId) = await StartAsync(database);
        await using var _ = api;
        client.DefaultRequestHeaders.Add("Idempotency-Key", "refusals-1");
        var first = new { product_id = productId, type = "perpetual" };

        // The second entry names a plan that does not exist: 404 after the first was issued.
        var batch = await client.PostJsonAsync("/api/v1/licenses/batch", new { licenses = new object[] { first, new { product_id = productId, plan_id = "plan_missing" } } });
        client.DefaultRequestHeaders.Remove("Idempotency-Key");
        client.DefaultRequestHeaders.Add("Idempotency-Key", "refusals-2");
        var taken = (await (await client.PostJsonAsync("/api/v1/licenses", first)).JsonAsync()).GetProperty("license").GetProperty("key").GetString();
        client.DefaultRequestHeaders.Remove("Idempotency-Key");
        client.DefaultRequestHeaders.Add("Idempotency-Key", "refusals-3");
        // A key already in use: the import's own save fails, and its refusal must still be stored, not end in a 500.
        var import = await client.PostJsonAsync("/api/v1/licenses/import", new { licenses = new object[] { new { key = "LEGACY-0001-abcd", product_id = productId, type = "perpetual" }, new { key = taken, product_id = productId, type = "perpetual" } } });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Conflict), (batch.StatusCode, import.StatusCode));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM licenses"));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE type = 'license.created'"));
    }

    [Fact]
    public async Task AnActivationWithAKeyCommitsWithItsStoredAnswerAndIsReplayed()
    {
        await using var database = await Database.CreateAsync(postgres);
        var (client, api, productId) = await StartAsync(database);
        await using var _ = api;
        var license = (await (await client.PostJsonAsync("/api/v1/licenses", new { product_id = productId, type = "perpetual", max_activations = 1 })).JsonAsync()).GetProperty("license");
        client.DefaultRequestHeaders.Add("Idempotency-Key", "activate-1");

        // Activation runs in a transaction of its own unless it is already in the filter's: both must commit as one.
        var first = await client.PostJsonAsync("/api/v1/machines", new { license_id = license.GetProperty("id").GetString(), fingerprint = "m-1" });
        var retry = await client.PostJsonAsync("/api/v1/machines", new { license_id = license.GetProperty("id").GetString(), fingerprint = "m-1" });
        client.DefaultRequestHeaders.Remove("Idempotency-Key");
        client.DefaultRequestHeaders.Add("Idempotency-Key", "activate-2");
        var refused = await client.PostJsonAsync("/api/v1/machines", new { license_id = license.GetProperty("id").GetString(), fingerprint = "m-2" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retry.StatusCode));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.JsonAsync()).GetProperty("id").GetString(), (await retry.JsonAsync()).GetProperty("id").GetString());
        Assert.Equal("ACTIVATION_LIMIT_REACHED", (await refused.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM machines"));
        Assert.Equal(2, await database.ScalarAsync<long>("SELECT count(*) FROM idempotency_keys"));
    }

    private static async Task<(HttpClient Client, ApiHost Api, string ProductId)> StartAsync(Database database)
    {
        await using var db = database.CreateContext();
        var tenant = await new TenantProvisioning(db).CreateAsync("Acme", RateLimitPlan.Enterprise, null, CancellationToken.None);
        var api = await ApiHost.StartAsync(database.DataSource);
        var client = api.ClientFor(tenant.TenantId);
        var product = await (await client.PostJsonAsync("/api/v1/products", new { name = "Editor" })).JsonAsync();
        return (client, api, product.GetProperty("id").GetString()!);
    }
}
