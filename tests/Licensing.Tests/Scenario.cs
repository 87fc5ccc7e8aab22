using System.Net;
using System.Text.Json;
using Platform.Licensing.Model;
using LicensingGrpc = Platform.Protos.Licensing.V1.Licensing;

namespace Platform.Licensing.Tests;

/// <summary>
/// What most API tests start from: a database of their own, the REST API and the gRPC service over it,
/// a tenant with a product, and a client acting as the tenant's admin in test mode.
/// </summary>
internal sealed class Scenario : IAsyncDisposable
{
    private Scenario(Database database, ApiHost api, GrpcTestServer grpc, string tenantId, string productId)
    {
        Database = database;
        Api = api;
        Grpc = grpc;
        TenantId = tenantId;
        ProductId = productId;
        Client = api.ClientFor(tenantId);
    }

    public Database Database { get; }
    public ApiHost Api { get; }
    public GrpcTestServer Grpc { get; }
    public LicensingGrpc.LicensingClient Licensing => Grpc.Licensing;
    public string TenantId { get; }
    public string ProductId { get; }
    public HttpClient Client { get; }

    public static async Task<Scenario> StartAsync(PostgresFixture postgres)
    {
        var database = await Database.CreateAsync(postgres);
        await using var db = database.CreateContext();
        var tenant = await new TenantProvisioning(db).CreateAsync("Acme", RateLimitPlan.Enterprise, "ACME", CancellationToken.None);
        var api = await ApiHost.StartAsync(database.DataSource);
        var grpc = await GrpcTestServer.StartAsync(database.DataSource);
        var product = await api.ClientFor(tenant.TenantId).PostJsonAsync("/api/v1/products", new { name = "Acme Editor" });
        Assert.Equal(HttpStatusCode.Created, product.StatusCode);
        return new Scenario(database, api, grpc, tenant.TenantId, (await product.JsonAsync()).GetProperty("id").GetString()!);
    }

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/>, asserts the status and returns the JSON answer.</summary>
    public async Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await Client.PostJsonAsync(path, body);
        var json = await response.JsonAsync();
        Assert.True(expected == response.StatusCode, $"{path}: expected {expected}, got {response.StatusCode}: {json}");
        return json;
    }

    public async Task<JsonElement> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client.GetAsync(path);
        var json = await response.JsonAsync();
        Assert.True(expected == response.StatusCode, $"{path}: expected {expected}, got {response.StatusCode}: {json}");
        return json;
    }

    /// <summary>A license of the product, perpetual unless <paramref name="extra"/> (which adds to the fields) names a type or a plan.</summary>
    public Task<JsonElement> CreateLicenseAsync(object? extra = null)
    {
        var body = Merge(new { product_id = ProductId }, extra);
        if (!body.ContainsKey("type") && !body.ContainsKey("plan_id"))
        {
            body["type"] = JsonSerializer.SerializeToElement("perpetual");
        }

        return LicenseOfAsync(PostAsync("/api/v1/licenses", body));
    }

    /// <summary>The license a create answered, <c>{"license": {…}}</c>.</summary>
    public static async Task<JsonElement> LicenseOfAsync(Task<JsonElement> created) => (await created).GetProperty("license");

    public Task<JsonElement> CreatePlanAsync(object fields) =>
        PostAsync("/api/v1/plans", Merge(new { product_id = ProductId, name = "Pro" }, fields));

    private static Dictionary<string, JsonElement> Merge(object first, object? second)
    {
        var merged = JsonSerializer.SerializeToElement(first).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        if (second is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(second).EnumerateObject())
            {
                merged[property.Name] = property.Value.Clone();
            }
        }

        return merged;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Grpc.DisposeAsync();
        await Api.DisposeAsync();
        await Database.DisposeAsync();
    }
}
