using System.Text.Json;
using System.Net;
using System.Text;
using Platform.Protos.Licensing.V1;
using Grpc.Core;

namespace Platform.Licensing.Tests;

/// <summary>Machines, API keys and tenant settings through the REST API.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ManagementApiTests(PostgresFixture postgres)
{
    [Fact]
    public async Task MachinesAreActivatedOncePerFingerprintListedAndDeactivated()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var license = (await s.CreateLicenseAsync(new { max_activations = 1 })).GetProperty("id").GetString();

        var first = await s.PostAsync("/api/v1/machines", new { license_id = license, machine_id = "fp-1", name = "Laptop" });
        var again = await s.PostAsync("/api/v1/machines", new { license_id = license, fingerprint = "fp-1" }, HttpStatusCode.OK);
        var full = await s.PostAsync("/api/v1/machines", new { license_id = license, fingerprint = "fp-2" }, HttpStatusCode.Conflict);
        var listed = await s.GetAsync($"/api/v1/licenses/{license}/machines");
        var machineId = first.GetProperty("id").GetString();
        var deleted = await s.Client.DeleteAsync($"/api/v1/machines/{machineId}");
        var gone = await s.Client.GetAsync($"/api/v1/machines/{machineId}");
        var missing = await s.PostAsync("/api/v1/machines", new { license_id = license }, HttpStatusCode.BadRequest);

        Assert.Equal(machineId, again.GetProperty("id").GetString());
        Assert.Equal("ACTIVATION_LIMIT_REACHED", full.GetProperty("code").GetString());
        Assert.Equal(1, listed.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.Equal("Laptop", listed.GetProperty("data")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("MISSING_FIELDS", missing.GetProperty("code").GetString());
        Assert.Equal(["license.created", "license.activated", "license.deactivated"],
            await s.Database.ListAsync<string>($"SELECT type FROM outbox WHERE aggregate_id = '{license}' ORDER BY version"));
        // The reference's webhook fields: the machine an activation event is about is in its data.
        var activated = JsonDocument.Parse((await s.Database.ListAsync<string>($"SELECT payload::text FROM outbox WHERE aggregate_id = '{license}' AND type = 'license.activated'")).Single()).RootElement;
        Assert.Equal(("license.activated", license, machineId), (activated.GetProperty("event").GetString(),
            activated.GetProperty("data").GetProperty("licenseId").GetString(), activated.GetProperty("data").GetProperty("machineId").GetString()));
    }

    [Fact]
    public async Task AnotherTenantsMachineCannotBeSeenOrDeactivated()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var license = (await s.CreateLicenseAsync()).GetProperty("id").GetString();
        var machine = (await s.PostAsync("/api/v1/machines", new { license_id = license, fingerprint = "fp" })).GetProperty("id").GetString();
        using var stranger = s.Api.ClientFor("ten_other");
        using var live = s.Api.ClientFor(s.TenantId, "live");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/machines/{machine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await live.GetAsync($"/api/v1/machines/{machine}")).StatusCode);
        Assert.Equal(0, (await (await stranger.GetAsync("/api/v1/machines")).JsonAsync()).GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.Equal(1, await s.Database.ScalarAsync<long>("SELECT count(*) FROM machines"));
    }

    [Fact]
    public async Task AnApiKeyShowsItsSecretOnceAndARevokedKeyResolvesNoMoreAndIsAnnounced()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var created = await s.PostAsync("/api/v1/api-keys", new { name = "CI", scopes = new[] { "validate" } });
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("id").GetString()!;
        var resolved = await s.Licensing.ResolveApiKeyAsync(new ResolveApiKeyRequest { ApiKey = secret });
        var listed = await s.GetAsync("/api/v1/api-keys");
        var badScope = await s.PostAsync("/api/v1/api-keys", new { name = "x", scopes = new[] { "root" } }, HttpStatusCode.BadRequest);

        var revoked = await s.Client.DeleteAsync($"/api/v1/api-keys/{id}");
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await s.Licensing.ResolveApiKeyAsync(new ResolveApiKeyRequest { ApiKey = secret }));
        await s.Client.DeleteAsync($"/api/v1/api-keys/{id}");

        Assert.StartsWith("to_test_", secret);
        Assert.Equal(["validate"], resolved.Scopes);
        Assert.All(listed.GetProperty("data").EnumerateArray(), k => Assert.False(k.TryGetProperty("secret", out _)));
        Assert.Contains("scopes", badScope.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.Equal([id], await s.Database.ListAsync<string>("SELECT aggregate_id FROM outbox WHERE type = 'api_key.revoked'"));
    }

    [Fact]
    public async Task TheTenantsKeyPrefixShapesNewKeys()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var patch = await s.Client.PatchAsync("/api/v1/tenant", new StringContent("""{"key_prefix":"ZETA","name":"Zeta Soft"}""", Encoding.UTF8, "application/json"));
        var bad = await s.Client.PatchAsync("/api/v1/tenant", new StringContent("""{"key_prefix":"no!"}""", Encoding.UTF8, "application/json"));
        var tenant = await s.GetAsync("/api/v1/tenant");
        var license = await s.CreateLicenseAsync();

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(("Zeta Soft", "ZETA", "enterprise"), (tenant.GetProperty("name").GetString(), tenant.GetProperty("keyPrefix").GetString(), tenant.GetProperty("plan").GetString()));
        Assert.StartsWith("ZETA-", license.GetProperty("key").GetString());
    }

    [Fact]
    public async Task APortalSessionReadsOnlyItsCustomersLicensesAndChangesNothing()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var own = (await s.CreateLicenseAsync(new { customer_email = "ada@example.com" })).GetProperty("id").GetString();
        var other = (await s.CreateLicenseAsync(new { customer_email = "bob@example.com" })).GetProperty("id").GetString();
        using var portal = s.Api.PortalClientFor(s.TenantId, "Ada@Example.com");

        var list = await (await portal.GetAsync("/api/v1/licenses")).JsonAsync();
        var mine = await portal.GetAsync($"/api/v1/licenses/{own}");
        var theirs = await portal.GetAsync($"/api/v1/licenses/{other}");
        var usage = await portal.GetAsync($"/api/v1/licenses/{own}/usage");
        var suspend = await portal.PostAsync($"/api/v1/licenses/{own}/suspend", null);
        var products = await portal.GetAsync("/api/v1/products");

        Assert.Equal([own], list.GetProperty("data").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, usage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, suspend.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, products.StatusCode);
    }
}
