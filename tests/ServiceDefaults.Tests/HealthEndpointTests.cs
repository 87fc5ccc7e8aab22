using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Platform.ServiceDefaults.Configuration;
using Platform.ServiceDefaults.Data;

namespace Platform.ServiceDefaults.Tests;

public sealed class HealthEndpointTests
{
    /// <summary>A loopback port nothing listens on.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task AliveAndHealthAnswerWhenNothingIsMissing()
    {
        await using var service = await TestService.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/alive")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task HealthIsUnavailableWhileTheDatabaseIsUnreachableButAliveIsNot()
    {
        var port = ClosedPort();
        await using var service = await TestService.StartAsync(builder =>
        {
            builder.Configuration["ConnectionStrings:ordersdb"] = $"Host=127.0.0.1;Port={port};Username=postgres;Timeout=2";
            builder.AddPostgresDataSource("ordersdb");
        });

        var health = await service.Client.GetAsync("/health");
        var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("ordersdb").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task HealthFollowsAReferencedService()
    {
        await using var upstream = await TestService.StartAsync();
        var port = ClosedPort();
        await using var down = await TestService.StartAsync(builder =>
        {
            builder.Configuration["services:ledger:http:0"] = $"http://127.0.0.1:{port}";
            builder.AddServiceReference("ledger");
        });
        await using var up = await TestService.StartAsync(builder =>
        {
            builder.Configuration["services:ledger:http:0"] = upstream.Client.BaseAddress!.ToString();
            builder.AddServiceReference("ledger");
        });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await down.Client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await up.Client.GetAsync("/health")).StatusCode);
    }
}
