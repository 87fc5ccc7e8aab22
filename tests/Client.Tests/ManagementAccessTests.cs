using System.Net;
using LicensePlatform.Client.Management;

namespace Platform.Client.Tests;

/// <summary>Machines, API keys, the tenant, and the management client from dependency injection.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ManagementAccessTests(PlatformFixture platform) : IDisposable
{
    private readonly TempFolder cache = new();

    [Fact]
    public async Task Machines_activate_up_to_the_limit_list_and_deactivate()
    {
        using var client = platform.ManagementClient(cache);
        var product = await client.NewProductAsync("Machines");
        var license = await client.NewLicenseAsync(product.Id, maxActivations: 2);

        var first = await client.Machines.ActivateAsync(new ActivateMachineRequest
        {
            LicenseId = license.Id, Fingerprint = $"fp-{Guid.NewGuid():N}", Name = "Build server", Platform = "linux", Hostname = "build-1", Ip = "203.0.113.7",
        });
        Assert.StartsWith("mach_", first.Id, StringComparison.Ordinal);
        Assert.Equal((license.Id, "Build server", "linux", "build-1", "203.0.113.7"), (first.LicenseId, first.Name, first.Platform, first.Hostname, first.Ip));
        var again = await client.Machines.ActivateAsync(new ActivateMachineRequest { LicenseId = license.Id, Fingerprint = first.Fingerprint });
        Assert.Equal(first.Id, again.Id);
        var second = await client.Machines.ActivateAsync(new ActivateMachineRequest { LicenseId = license.Id, Fingerprint = $"fp-{Guid.NewGuid():N}" });

        var full = await Assert.ThrowsAsync<LicenseApiException>(() =>
            client.Machines.ActivateAsync(new ActivateMachineRequest { LicenseId = license.Id, Fingerprint = $"fp-{Guid.NewGuid():N}" }));
        Assert.Equal((HttpStatusCode.Conflict, ErrorCodes.ActivationLimitReached), (full.StatusCode, full.Code));

        var listed = await client.Machines.ListAsync(license.Id);
        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), listed.Data.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, listed.Pagination.Total);
        var read = await client.Machines.GetAsync(first.Id);
        Assert.Equal((first.Fingerprint, license.Id, "Build server"), (read.Fingerprint, read.LicenseId, read.Name));
        Assert.Equal(2, (await client.Licenses.GetAsync(license.Id)).Activations);

        await client.Machines.DeleteAsync(first.Id);
        Assert.Equal(second.Id, Assert.Single((await client.Machines.ListAsync(license.Id)).Data).Id);
        Assert.Equal(ErrorCodes.NotFound, (await Assert.ThrowsAsync<LicenseApiException>(() => client.Machines.GetAsync(first.Id))).Code);
        Assert.Equal(ErrorCodes.NotFound, (await Assert.ThrowsAsync<LicenseApiException>(() => client.Machines.DeleteAsync(first.Id))).Code);
        Assert.Equal(1, (await client.Licenses.GetAsync(license.Id)).Activations);

        await client.Licenses.SuspendAsync(license.Id);
        var suspended = await Assert.ThrowsAsync<LicenseApiException>(() =>
            client.Machines.ActivateAsync(new ActivateMachineRequest { LicenseId = license.Id, Fingerprint = first.Fingerprint }));
        Assert.Equal(ErrorCodes.LicenseSuspended, suspended.Code);
    }

    [Fact]
    public async Task An_api_key_is_created_with_its_secret_listed_and_revoked()
    {
        using var client = platform.ManagementClient(cache);
        var name = $"ci {Guid.NewGuid():N}";
        var created = await client.ApiKeys.CreateAsync(name, [ApiKeysClient.ValidateScope]);
        Assert.StartsWith("to_test_", created.Secret, StringComparison.Ordinal);
        Assert.Equal((name, "test", created.Secret[..12], null), (created.ApiKey.Name, created.ApiKey.Environment, created.ApiKey.Prefix, created.ApiKey.RevokedAt));
        Assert.Equal([ApiKeysClient.ValidateScope], created.ApiKey.Scopes);

        var listed = Assert.Single((await client.ApiKeys.ListAsync(limit: 100)).Data, k => k.Id == created.ApiKey.Id);
        Assert.Equal((name, created.ApiKey.Prefix), (listed.Name, listed.Prefix));

        // The new key works, within its scope only.
        using var validateOnly = new LicenseManagementClient(platform.Options(cache, o => o.ApiKey = created.Secret));
        var forbidden = await Assert.ThrowsAsync<LicenseApiException>(() => validateOnly.Tenant.GetAsync());
        Assert.Equal((HttpStatusCode.Forbidden, ErrorCodes.Forbidden), (forbidden.StatusCode, forbidden.Code));

        var revoked = await client.ApiKeys.RevokeAsync(created.ApiKey.Id);
        Assert.NotNull(revoked.RevokedAt);
        Assert.NotNull(Assert.Single((await client.ApiKeys.ListAsync(limit: 100)).Data, k => k.Id == created.ApiKey.Id).RevokedAt);

        var admin = await client.ApiKeys.CreateAsync($"admin {Guid.NewGuid():N}");
        Assert.Equal([ApiKeysClient.AdminScope], admin.ApiKey.Scopes);
        using var asAdmin = new LicenseManagementClient(platform.Options(cache, o => o.ApiKey = admin.Secret));
        Assert.Equal(platform.Credentials().GetProperty("tenantId").GetString(), (await asAdmin.Tenant.GetAsync()).Id);
        await client.ApiKeys.RevokeAsync(admin.ApiKey.Id);

        var unknownScope = await Assert.ThrowsAsync<LicenseApiException>(() => client.ApiKeys.CreateAsync("bad", ["root"]));
        Assert.Equal(ErrorCodes.ValidationError, unknownScope.Code);
    }

    [Fact]
    public async Task The_tenant_is_the_keys_and_its_name_changes()
    {
        using var client = platform.ManagementClient(cache);
        var tenant = await client.Tenant.GetAsync();
        Assert.Equal((platform.Credentials().GetProperty("tenantId").GetString(), "test", "enterprise"), (tenant.Id, tenant.Environment, tenant.Plan));
        Assert.InRange(tenant.KeyPrefix.Length, 2, 8);

        var renamed = await client.Tenant.UpdateAsync(name: $"Renamed {Guid.NewGuid():N}");
        try
        {
            Assert.StartsWith("Renamed ", renamed.Name, StringComparison.Ordinal);
            Assert.Equal((tenant.Id, tenant.KeyPrefix), (renamed.Id, renamed.KeyPrefix));
            Assert.Equal(renamed.Name, (await client.Tenant.GetAsync()).Name);
        }
        finally
        {
            await client.Tenant.UpdateAsync(name: tenant.Name);
        }

        var badPrefix = await Assert.ThrowsAsync<LicenseApiException>(() => client.Tenant.UpdateAsync(keyPrefix: "x"));
        Assert.Equal(ErrorCodes.ValidationError, badPrefix.Code);
        Assert.Equal(tenant.Name, (await client.Tenant.GetAsync()).Name);
    }

    [Fact]
    public async Task AddLicenseClient_registers_the_management_client_on_the_named_http_client()
    {
        var services = new ServiceCollection();
        var options = platform.Options(cache);
        services.AddLicenseClient(o =>
        {
            o.BaseAddress = options.BaseAddress;
            o.ApiKey = options.ApiKey;
            o.CacheDirectory = options.CacheDirectory;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<LicenseManagementClient>();
        Assert.Same(client, provider.GetRequiredService<LicenseManagementClient>());
        var product = await client.NewProductAsync("Injected");
        Assert.Equal(product.Name, (await client.Products.GetAsync(product.Id)).Name);
    }

    public void Dispose() => cache.Dispose();
}
