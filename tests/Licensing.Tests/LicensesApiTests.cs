using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Keys;
using Platform.Licensing.Model;

namespace Platform.Licensing.Tests;

[Collection(PostgresCollection.Name)]
public sealed class LicensesApiTests(PostgresFixture postgres)
{
    private static async Task<(Database Database, ApiHost Api, string TenantId)> StartAsync(PostgresFixture postgres)
    {
        var database = await Database.CreateAsync(postgres);
        await using var db = database.CreateContext();
        var tenant = await new TenantProvisioning(db).CreateAsync("Acme", RateLimitPlan.Enterprise, "ACME", CancellationToken.None);
        return (database, await ApiHost.StartAsync(database.DataSource), tenant.TenantId);
    }

    private static async Task<string> CreateProductAsync(HttpClient client)
    {
        var response = await client.PostJsonAsync("/api/v1/products", new { name = "Acme Editor", platforms = new[] { "windows", "linux" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task ALicenseIsCreatedWithAValidKeyAndItsEventIsInTheOutbox()
    {
        var (database, api, tenantId) = await StartAsync(postgres);
        await using var _ = database;
        await using var __ = api;
        var client = api.ClientFor(tenantId);
        var productId = await CreateProductAsync(client);

        var response = await client.PostJsonAsync("/api/v1/licenses", new
        {
            product_id = productId, type = "subscription", customer_email = "Buyer@Example.com", maxActivations = 3,
            max_domains = 2, features = new[] { "export", "sync" }, metadata = new { order = "A-17" }, expires_at = DateTimeOffset.UtcNow.AddDays(30),
        });
        var license = (await response.JsonAsync()).GetProperty("license");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("lic_", license.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.True(LicenseKeyFormat.TryNormalize(license.GetProperty("key").GetString(), out var key));
        Assert.StartsWith("ACME-", key, StringComparison.Ordinal);
        Assert.Equal("active", license.GetProperty("status").GetString());
        Assert.Equal("subscription", license.GetProperty("type").GetString());
        Assert.Equal("buyer@example.com", license.GetProperty("customerEmail").GetString());
        Assert.Equal(3, license.GetProperty("maxActivations").GetInt32());
        Assert.Equal("A-17", license.GetProperty("metadata").GetProperty("order").GetString());

        await using var db = database.CreateContext();
        var events = await db.Outbox.AsNoTracking().Where(e => e.AggregateId == license.GetProperty("id").GetString()).ToListAsync();
        var created = Assert.Single(events);
        Assert.Equal(("license.created", 1L, tenantId), (created.Type, created.Version, created.TenantId));
        var payload = JsonDocument.Parse(created.Payload).RootElement;
        Assert.Equal(("license.created", license.GetProperty("id").GetString(), productId), (payload.GetProperty("event").GetString(),
            payload.GetProperty("data").GetProperty("licenseId").GetString(), payload.GetProperty("data").GetProperty("productId").GetString()));
        Assert.True(payload.GetProperty("timestamp").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(key, payload.GetProperty("data").GetProperty("key").GetString());
    }

    [Fact]
    public async Task SuspendReinstateAndRevokeFollowTheLifecycleAndEachRecordsItsEvent()
    {
        var (database, api, tenantId) = await StartAsync(postgres);
        await using var _ = database;
        await using var __ = api;
        var client = api.ClientFor(tenantId);
        var productId = await CreateProductAsync(client);
        var id = (await (await client.PostJsonAsync("/api/v1/licenses", new { product_id = productId, type = "perpetual" })).JsonAsync()).GetProperty("license").GetProperty("id").GetString();

        Assert.Equal("suspended", (await (await client.PostAsync($"/api/v1/licenses/{id}/suspend", null)).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/licenses/{id}/suspend", null)).StatusCode);
        Assert.Equal("active", (await (await client.PostAsync($"/api/v1/licenses/{id}/reinstate", null)).JsonAsync()).GetProperty("status").GetString());
        var revoked = await (await client.DeleteAsync($"/api/v1/licenses/{id}")).JsonAsync();
        var conflict = await client.PostAsync($"/api/v1/licenses/{id}/reinstate", null);

        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Equal(4, revoked.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("CONFLICT", (await conflict.JsonAsync()).GetProperty("code").GetString());
        await using var db = database.CreateContext();
        var events = await db.Outbox.AsNoTracking().Where(e => e.AggregateId == id).OrderBy(e => e.Version).Select(e => e.Type).ToListAsync();
        Assert.Equal(["license.created", "license.suspended", "license.reinstated", "license.revoked"], events);
    }

    [Fact]
    public async Task AnotherTenantOrEnvironmentSeesNothing()
    {
        var (database, api, tenantId) = await StartAsync(postgres);
        await using var _ = database;
        await using var __ = api;
        var owner = api.ClientFor(tenantId);
        var productId = await CreateProductAsync(owner);
        var id = (await (await owner.PostJsonAsync("/api/v1/licenses", new { product_id = productId, type = "perpetual" })).JsonAsync()).GetProperty("license").GetProperty("id").GetString();
        await using var db = database.CreateContext();
        var other = await new TenantProvisioning(db).CreateAsync("Rival", RateLimitPlan.Starter, null, CancellationToken.None);

        foreach (var stranger in new[] { api.ClientFor(other.TenantId), api.ClientFor(tenantId, "live") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/licenses/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/licenses/{id}/suspend", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostJsonAsync("/api/v1/licenses", new { product_id = productId, type = "perpetual" })).StatusCode);
            Assert.Equal(0, (await (await stranger.GetAsync("/api/v1/licenses")).JsonAsync()).GetProperty("pagination").GetProperty("total").GetInt64());
        }
    }

    [Fact]
    public async Task ListsArePagedAndFiltered()
    {
        var (database, api, tenantId) = await StartAsync(postgres);
        await using var _ = database;
        await using var __ = api;
        var client = api.ClientFor(tenantId);
        var productId = await CreateProductAsync(client);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await (await client.PostJsonAsync("/api/v1/licenses", new { product_id = productId, type = "perpetual", customer_email = $"c{i}@example.com" })).JsonAsync()).GetProperty("license").GetProperty("id").GetString()!);
        }

        await client.PostAsync($"/api/v1/licenses/{ids[0]}/suspend", null);

        var page2 = await (await client.GetAsync("/api/v1/licenses?page=2&limit=2")).JsonAsync();
        var suspended = await (await client.GetAsync("/api/v1/licenses?status=suspended")).JsonAsync();
        var byEmail = await (await client.GetAsync("/api/v1/licenses?customer_email=C3@example.com")).JsonAsync();

        Assert.Equal(2, page2.GetProperty("data").GetArrayLength());
        Assert.Equal(5, page2.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.Equal(3, page2.GetProperty("pagination").GetProperty("totalPages").GetInt64());
        Assert.True(page2.GetProperty("pagination").GetProperty("hasMore").GetBoolean());
        Assert.Equal(ids[0], suspended.GetProperty("data")[0].GetProperty("id").GetString());
        Assert.Equal(1, suspended.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.Equal(ids[3], byEmail.GetProperty("data")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("{}", "MISSING_FIELDS", "product_id")]
    [InlineData("{\"product_id\":\"prod_x\",\"type\":\"forever\"}", "VALIDATION_ERROR", "type")]
    [InlineData("{\"product_id\":\"prod_x\",\"customer_email\":\"not an email\"}", "VALIDATION_ERROR", "customer_email")]
    [InlineData("{\"product_id\":\"prod_x\",\"max_activations\":-1}", "VALIDATION_ERROR", "max_activations")]
    [InlineData("{\"product_id\":\"prod_x\",\"metadata\":[1,2]}", "VALIDATION_ERROR", "metadata")]
    [InlineData("{\"product_id\":\"prod_x\",\"metadata\":{\"a\":\"\\u0000\"}}", "VALIDATION_ERROR", "metadata")]
    [InlineData("{\"product_id\":\"prod_x\",\"max_domains\":\"two\"}", "VALIDATION_ERROR", "max_domains")]
    [InlineData("{\"productId\":\"prod_x\",\"maxActivations\":\"three\"}", "VALIDATION_ERROR", "maxActivations")]
    [InlineData("{\"product_id\":\"prod_x\",\"expires_at\":\"next week\"}", "VALIDATION_ERROR", "expires_at")]
    [InlineData("{\"product_id\":\"prod_x\",\"max_domains\":2,}", "INVALID_JSON", "")]
    [InlineData("[", "INVALID_JSON", "")]
    public async Task BadInputIsRefusedNamingTheField(string body, string code, string field)
    {
        var (database, api, tenantId) = await StartAsync(postgres);
        await using var _ = database;
        await using var __ = api;

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await api.ClientFor(tenantId).PostAsync("/api/v1/licenses", content);
        var error = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(code == error.GetProperty("code").GetString(), error.ToString());
        Assert.Contains(field, error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAValidIdentityTheApiAnswers401AndWithoutAdminScope403()
    {
        var (database, api, tenantId) = await StartAsync(postgres);
        await using var _ = database;
        await using var __ = api;
        var forged = api.AnonymousClient();
        forged.DefaultRequestHeaders.Add("X-Platform-Identity", "v1.eyJpZCI6eyJ0ZW5hbnQiOiJ0ZW5feCJ9fQ.AAAA");

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.AnonymousClient().GetAsync("/api/v1/licenses")).StatusCode);
        Assert.Equal("AUTH_REQUIRED", (await (await forged.GetAsync("/api/v1/licenses")).JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientFor(tenantId, "test", ApiKey.ValidateScope).GetAsync("/api/v1/licenses")).StatusCode);
    }
}
