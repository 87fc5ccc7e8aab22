using System.Net;
using Aspire.Hosting.ApplicationModel;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Npgsql;
using Platform.Protos.Licensing.V1;
using LicensingGrpc = Platform.Protos.Licensing.V1.Licensing;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class PlatformStartupTests(PlatformFixture platform)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task ResourcesJsonListsEveryResourceRunningAndHealthyWithItsProcessAndUrls()
    {
        var path = Path.Combine(platform.DataDir, "resources.json");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(path))
        {
            Assert.True(DateTime.UtcNow < deadline, "resources.json was never written");
            await Task.Delay(200);
        }

        var resources = JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);

        string[] expected = ["postgres", "licensingdb", "webhooksdb", "billingdb", "eventbus", "eventbus-epmd", "credentials", .. PlatformFixture.Services];
        Assert.Equal(expected.Order(), resources.Keys.Order());
        foreach (var (name, resource) in resources)
        {
            Assert.True(resource.GetProperty("state").GetString() == "Running", $"{name} is {resource.GetProperty("state")}");
            Assert.True(resource.GetProperty("health").GetString() == "Healthy", $"{name} is {resource.GetProperty("health")}");
        }

        foreach (var name in PlatformFixture.Services.Append("postgres").Append("eventbus").Append("eventbus-epmd"))
        {
            Assert.True(resources[name].GetProperty("pid").GetInt32() > 0, $"{name} has a process id");
            Assert.All(resources[name].GetProperty("urls").EnumerateArray(), url => Assert.Contains("127.0.0.1", url.GetString(), StringComparison.Ordinal));
            Assert.NotEmpty(resources[name].GetProperty("urls").EnumerateArray());
        }
    }

    [Fact]
    public async Task EveryServiceAnswersHealthAndAliveAtItsUrl()
    {
        foreach (var name in PlatformFixture.Services)
        {
            var url = platform.Url(name);

            var health = await Http.GetAsync(new Uri(url, "/health"));
            var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
            Assert.True(health.StatusCode == HttpStatusCode.OK, $"{name} /health answered {health.StatusCode}");
            Assert.Equal("Healthy", body.GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(url, "/alive"))).StatusCode);
        }
    }

    [Fact]
    public async Task ServicesCheckTheDependenciesTheyReference()
    {
        async Task<HashSet<string>> ChecksOf(string name)
        {
            var body = JsonDocument.Parse(await Http.GetStringAsync(new Uri(platform.Url(name), "/health"))).RootElement;
            return [.. body.GetProperty("checks").EnumerateObject().Select(p => p.Name)];
        }

        Assert.Superset(new HashSet<string> { "licensingdb", "masstransit-bus" }, await ChecksOf("licensing"));
        Assert.Superset(new HashSet<string> { "licensing-grpc", "masstransit-bus" }, await ChecksOf("validation"));
        Assert.Superset(new HashSet<string> { "webhooksdb", "masstransit-bus" }, await ChecksOf("webhooks"));
        Assert.Superset(new HashSet<string> { "billingdb", "licensing-grpc" }, await ChecksOf("billing"));
        Assert.Superset(new HashSet<string> { "licensing", "licensing-grpc", "validation", "webhooks", "billing" }, await ChecksOf("gateway"));
    }

    [Fact]
    public async Task FirstStartWritesDevelopmentCredentialsWhoseKeysResolveOverGrpc()
    {
        var credentials = platform.Credentials();
        var secret = Convert.FromBase64String((await File.ReadAllTextAsync(Path.Combine(platform.DataDir, "secrets", "identity-secret"))).Trim());
        using var channel = GrpcChannel.ForAddress(platform.Url("licensing", "grpc"));
        var licensing = new LicensingGrpc.LicensingClient(channel.Intercept(new TestServiceCredentials(secret)));
        var anonymous = new LicensingGrpc.LicensingClient(channel);

        var test = await licensing.ResolveApiKeyAsync(new ResolveApiKeyRequest { ApiKey = credentials.GetProperty("testKey").GetString() });
        var live = await licensing.ResolveApiKeyAsync(new ResolveApiKeyRequest { ApiKey = credentials.GetProperty("liveKey").GetString() });
        var bench = await licensing.ResolveApiKeyAsync(new ResolveApiKeyRequest { ApiKey = credentials.GetProperty("benchKey").GetString() });
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await anonymous.ResolveApiKeyAsync(new ResolveApiKeyRequest { ApiKey = credentials.GetProperty("testKey").GetString() }));

        Assert.Equal(credentials.GetProperty("tenantId").GetString(), test.TenantId);
        Assert.Equal(("test", "enterprise"), (test.Environment, test.Plan));
        Assert.Equal(("live", test.TenantId), (live.Environment, live.TenantId));
        Assert.Equal("unlimited", bench.Plan);
        Assert.NotEqual(test.TenantId, bench.TenantId);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task TheDashboardCommandCreatesATenantWhoseKeysWork()
    {
        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();

        var result = await commands.ExecuteCommandAsync("licensing", "create-tenant");

        Assert.True(result.Success, result.Message);
        var tenant = JsonDocument.Parse(result.Data!.Value).RootElement;
        using var client = platform.Gateway(null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tenant.GetProperty("testKey").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products")).StatusCode);
        Assert.NotEqual(platform.Credentials().GetProperty("tenantId").GetString(), tenant.GetProperty("tenantId").GetString());
    }

    [Fact]
    public async Task GatewayAnswersUnknownRoutesInTheErrorFormat()
    {
        var response = await Http.GetAsync(new Uri(platform.Url("gateway"), "/api/v1/nothing-here"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task EachServiceDatabaseExistsAndReferencesCarryExactlyAspiresConnectionStringNames()
    {
        foreach (var name in new[] { "licensingdb", "webhooksdb", "billingdb" })
        {
            await using var connection = new NpgsqlConnection(await platform.App.GetConnectionStringAsync(name));
            await connection.OpenAsync();
            Assert.Equal(name, connection.Database);
        }

        var licensing = platform.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "licensing");
        var configuration = await ExecutionConfigurationBuilder.Create(licensing).WithEnvironmentVariablesConfig()
            .BuildAsync(platform.App.Services.GetRequiredService<DistributedApplicationExecutionContext>(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        var environment = configuration.EnvironmentVariables.ToDictionary(p => p.Key, p => p.Value);
        Assert.Contains("ConnectionStrings__licensingdb", environment.Keys);
        Assert.Contains("ConnectionStrings__eventbus", environment.Keys);
        Assert.StartsWith("amqp://guest:guest@127.0.0.1:", environment["ConnectionStrings__eventbus"], StringComparison.Ordinal);
    }
}
