using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The AppHost of AppHost/Program.cs started once for the tests that share it, through Aspire's testing
/// builder: a private Postgres and RabbitMQ and the five services, on free ports with a fresh data folder.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly string[] Services = ["licensing", "validation", "webhooks", "billing", "gateway"];

    public string DataDir { get; } = Repository.NewDataDir();

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await StartAsync(DataDir);

    /// <summary>Starts the AppHost with <paramref name="arguments"/> and waits until every resource is healthy.</summary>
    public static async Task<DistributedApplication> StartAsync(string dataDir, params string[] arguments)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"--AppHost:DataDir={dataDir}", "--AppHost:GatewayPort=0", "--AppHost:PostgresPort=0", "--AppHost:RabbitMQPort=0", .. arguments]);
        var app = await builder.BuildAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await app.StartAsync(deadline.Token);
        try
        {
            await WaitUntilHealthyAsync(app, deadline.Token);
        }
        catch (OperationCanceledException ex)
        {
            var states = string.Join(", ", app.Services.GetRequiredService<DistributedApplicationModel>().Resources
                .Select(r => app.ResourceNotifications.TryGetCurrentState(r.Name, out var e) ? $"{r.Name}: {e.Snapshot.State?.Text}/{e.Snapshot.HealthStatus}" : r.Name));
            await app.DisposeAsync();
            throw new InvalidOperationException($"The platform did not become healthy in 3 minutes: {states}", ex);
        }

        return app;
    }

    public static async Task WaitUntilHealthyAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        foreach (var name in Services.Append("credentials"))
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(name, cancellationToken);
        }
    }

    public Uri Url(string service, string endpoint = "http") => App.GetEndpoint(service, endpoint);

    public HttpClient Gateway(string? keyName = "testKey")
    {
        var client = new HttpClient { BaseAddress = Url("gateway"), Timeout = TimeSpan.FromSeconds(10) };
        if (keyName is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Credentials().GetProperty(keyName).GetString());
        }

        return client;
    }

    /// <summary>The development credentials the AppHost wrote on its first start.</summary>
    public JsonElement Credentials() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDir, "credentials.json"))).RootElement;

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        Directory.Delete(DataDir, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
