using System.Net;
using System.Text.Json;
using Npgsql;
using Platform.Protos.Licensing.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using LicensingGrpc = Platform.Protos.Licensing.V1.Licensing;
using Platform.AppHost.Hosting.Processes;
using Platform.AppHost.Hosting.Resources;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class PlatformStartupTests(PlatformFixture platform)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private static readonly string[] Services = ["licensing", "validation", "webhooks", "billing", "gateway"];

    [Fact]
    public async Task StatusDocumentListsEveryResourceRunningAndHealthy()
    {
        var json = await Http.GetStringAsync(new Uri(platform.App.DashboardUrl!, "/api/resources"));
        var resources = JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);

        string[] expected = ["postgres", "licensingdb", "webhooksdb", "billingdb", "eventbus", "identity-secret", "portal-token-secret", "token-signing-key", "credentials", .. Services];
        Assert.Equal(expected.Order(), resources.Keys.Order());
        foreach (var (name, resource) in resources)
        {
            Assert.Equal("Running", resource.GetProperty("state").GetString());
            Assert.Equal("Healthy", resource.GetProperty("health").GetString());
            Assert.True(resource.TryGetProperty("kind", out _), name);
        }

        foreach (var name in Services.Append("postgres").Append("eventbus"))
        {
            Assert.True(resources[name].GetProperty("pid").GetInt32() > 0, $"{name} has a process id");
            Assert.NotEmpty(resources[name].GetProperty("urls").EnumerateArray());
        }
    }

    [Fact]
    public void EveryChildLeadsAProcessGroupOfItsOwnInTheAppHostsSession()
    {
        // The AppHost runs in this test process, so its session is ours. A child in a session of its own would also
        // be a scheduling group of its own under Linux's autogroup (see ChildProcess.NewProcessGroup).
        var ourSession = StatField(Environment.ProcessId, 6);
        foreach (var name in Services.Append("postgres").Append("eventbus"))
        {
            var pid = platform.App.GetResource(name).ProcessId!.Value;
            Assert.True(StatField(pid, 5) == pid, $"{name} (pid {pid}) leads its process group");
            Assert.True(StatField(pid, 6) == ourSession, $"{name} (pid {pid}) is in the AppHost's session {ourSession}");
        }
    }

    /// <summary>Numeric field <paramref name="number"/> of <c>/proc/pid/stat</c>: 5 is the process group, 6 the session.</summary>
    private static int StatField(int pid, int number) =>
        int.Parse(ProcFs.Field(pid, number)!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task EveryServiceAnswersHealthAndAliveAtItsUrl()
    {
        foreach (var name in Services)
        {
            var url = ((ProjectResource)platform.App.GetResource(name)).HttpEndpoint.Url;

            var health = await Http.GetAsync(new Uri($"{url}/health"));
            var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
            Assert.True(health.StatusCode == HttpStatusCode.OK, $"{name} /health answered {health.StatusCode}");
            Assert.Equal("Healthy", body.GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri($"{url}/alive"))).StatusCode);
        }
    }

    [Fact]
    public async Task ServicesCheckTheDependenciesTheyReference()
    {
        async Task<HashSet<string>> ChecksOf(string name)
        {
            var url = ((ProjectResource)platform.App.GetResource(name)).HttpEndpoint.Url;
            var body = JsonDocument.Parse(await Http.GetStringAsync(new Uri($"{url}/health"))).RootElement;
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
        var file = ((DevelopmentCredentialsResource)platform.App.GetResource("credentials")).Path;
        var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
        var grpc = ((ProjectResource)platform.App.GetResource("licensing")).Endpoints.Single(e => e.Name == "grpc").Url;
        var secret = Convert.FromBase64String(((ParameterResource)platform.App.GetResource("identity-secret")).Value);
        using var channel = GrpcChannel.ForAddress(new Uri(grpc));
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
    public async Task GatewayAnswersUnknownRoutesInTheErrorFormat()
    {
        var gateway = ((ProjectResource)platform.App.GetResource("gateway")).HttpEndpoint.Url;

        var response = await Http.GetAsync(new Uri($"{gateway}/api/v1/nothing-here"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task EachServiceDatabaseExists()
    {
        foreach (var name in new[] { "licensingdb", "webhooksdb", "billingdb" })
        {
            var database = (PostgresDatabaseResource)platform.App.GetResource(name);
            await using var connection = new NpgsqlConnection(database.GetConnectionString());
            await connection.OpenAsync();
            Assert.Equal(name, connection.Database);
        }
    }
}
