using Grpc.Core.Interceptors;

namespace Platform.Validation.Tests;

/// <summary>
/// What a test runs against: a database of its own, the real Licensing service on it, Validation in front, a
/// tenant with a product. Licenses are created through Licensing's REST API, as vendors create them.
/// </summary>
internal sealed class TestPlatform : IAsyncDisposable
{
    private TestPlatform(LicensingHost licensing, ValidationHost validation, string tenantId, string productId)
    {
        Licensing = licensing;
        Validation = validation;
        TenantId = tenantId;
        ProductId = productId;
        Admin = licensing.AdminClient(tenantId);
        Client = validation.Client();
    }

    public LicensingHost Licensing { get; }
    public ValidationHost Validation { get; }
    public string TenantId { get; }
    public string ProductId { get; }

    /// <summary>Licensing's management API as the tenant's admin.</summary>
    public HttpClient Admin { get; }

    /// <summary>Validation's runtime API, as an application calls it (no API key).</summary>
    public HttpClient Client { get; }

    public static async Task<TestPlatform> StartAsync(PostgresFixture postgres, BrokerFixture broker, IDictionary<string, string?>? settings = null, bool relayEvents = true,
        Interceptor? licensingInterceptor = null)
    {
        var eventBus = broker.ConnectionString;
        var licensing = await LicensingHost.StartAsync(await postgres.CreateDatabaseAsync(), eventBus, relayEvents, licensingInterceptor);
        var validation = await ValidationHost.StartAsync(licensing, eventBus, settings);
        var tenantId = await licensing.CreateTenantAsync();
        using var admin = licensing.AdminClient(tenantId);
        var product = await admin.PostAsJsonAsync("/api/v1/products", new { name = "Editor", platforms = new[] { "linux" } });
        Assert.Equal(HttpStatusCode.Created, product.StatusCode);
        var productId = (await product.JsonAsync()).GetProperty("id").GetString()!;
        return new TestPlatform(licensing, validation, tenantId, productId);
    }

    /// <summary>A license of the tenant's product; <paramref name="fields"/> adds to or overrides the defaults (perpetual).</summary>
    public async Task<(string Id, string Key)> CreateLicenseAsync(object? fields = null)
    {
        var body = new Dictionary<string, object?> { ["product_id"] = ProductId, ["type"] = "perpetual" };
        if (fields is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(fields).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        var response = await Admin.PostAsJsonAsync("/api/v1/licenses", body);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        var license = json.GetProperty("license");
        return (license.GetProperty("id").GetString()!, license.GetProperty("key").GetString()!);
    }

    /// <summary>
    /// A license whose expiry passed at <paramref name="expiredAt"/>: created with a future expiry (an expiry in the past
    /// is refused on create), then changed to the past one, as a vendor who ends a license early does.
    /// </summary>
    public async Task<(string Id, string Key)> CreateLapsedLicenseAsync(DateTimeOffset expiredAt, object? fields = null)
    {
        var (id, key) = await CreateLicenseAsync(fields is null ? new { expires_at = DateTimeOffset.UtcNow.AddDays(1) } : Merged(fields, new { expires_at = DateTimeOffset.UtcNow.AddDays(1) }));
        var changed = await Admin.PatchAsJsonAsync($"/api/v1/licenses/{id}", new { expires_at = expiredAt });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        return (id, key);
    }

    private static Dictionary<string, JsonElement> Merged(object first, object second) =>
        JsonSerializer.SerializeToElement(first).EnumerateObject().Concat(JsonSerializer.SerializeToElement(second).EnumerateObject())
            .GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last().Value.Clone());

    public Task<HttpResponseMessage> ValidateAsync(object body) => Client.PostAsJsonAsync("/api/v1/validate", body);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Admin.Dispose();
        await Validation.DisposeAsync();
        await Licensing.DisposeAsync();
    }
}
