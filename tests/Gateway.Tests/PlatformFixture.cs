namespace Platform.Gateway.Tests;

/// <summary>
/// Once per test run: a private Postgres and RabbitMQ, the real Licensing service over its own database, and a plain
/// Kestrel upstream standing in for the services whose routes are not Licensing's. Each test makes its own tenant.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly PostgresFixture postgres = new();
    private readonly BrokerFixture broker = new();

    internal LicensingHost Licensing { get; private set; } = null!;
    internal Upstream Upstream { get; private set; } = null!;
    public string EventBus => broker.ConnectionString;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(postgres.InitializeAsync(), broker.InitializeAsync());
        Licensing = await LicensingHost.StartAsync(await postgres.CreateDatabaseAsync(), EventBus);
        Upstream = await Upstream.StartAsync();
    }

    /// <summary>A Licensing of its own, over a new database, for a test that stops it.</summary>
    internal async Task<LicensingHost> StartLicensingAsync() => await LicensingHost.StartAsync(await postgres.CreateDatabaseAsync(), EventBus);

    public async Task DisposeAsync()
    {
        if (Upstream is not null)
        {
            await Upstream.DisposeAsync();
        }

        if (Licensing is not null)
        {
            await Licensing.DisposeAsync();
        }

        await broker.DisposeAsync();
        await postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
