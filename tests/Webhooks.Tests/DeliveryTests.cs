using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Platform.AppHost.Servers;

namespace Platform.Webhooks.Tests;

/// <summary>License events from RabbitMQ reach a real receiver, signed, retried and exactly once.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DeliveryTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Fact]
    public async Task EventPublishedToTheBrokerReachesTheReceiverWithASignatureThatVerifies()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        var tenant = TestEvents.NewTenant();
        using var client = host.ClientFor(tenant);
        var (endpointId, secret) = await client.CreateEndpointAsync(receiver.Url, "license.created");
        var licenseEvent = TestEvents.License(tenant);

        await host.PublishAsync(licenseEvent);

        var request = Assert.Single(await receiver.WaitForAsync(1));
        Assert.True(Signatures.Verify(request, secret));
        Assert.False(Signatures.Verify(request, secret + "x"));
        Assert.Equal(licenseEvent.Payload, request.Body);
        Assert.Equal("license.created", request.Headers["X-TO-Event"]);
        Assert.Equal(licenseEvent.EventId.ToString(), request.Headers["X-TO-Event-ID"]);
        Assert.StartsWith("whd_", request.Headers["X-TO-Delivery-ID"], StringComparison.Ordinal);
        Assert.InRange(long.Parse(request.Headers["X-TO-Timestamp"], System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(licenseEvent.EventId, body.RootElement.GetProperty("id").GetGuid());
        Assert.Equal("license.created", body.RootElement.GetProperty("event").GetString());
        Assert.True(body.RootElement.TryGetProperty("timestamp", out _));
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("data").ValueKind);
        var delivery = await client.WaitForDeliveryAsync(endpointId, "delivered");
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivery.GetProperty("lastResponseCode").GetInt32());
    }

    [Fact]
    public async Task EndpointsOfOtherTenantsEnvironmentsAndEventTypesGetNothing()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        var tenant = TestEvents.NewTenant();
        using var mine = host.ClientFor(tenant);
        using var live = host.ClientFor(tenant, "live");
        using var other = host.ClientFor(TestEvents.NewTenant());
        await mine.CreateEndpointAsync(receiver.Url + "?mine", "license.created");
        await mine.CreateEndpointAsync(receiver.Url + "?suspended-only", "license.suspended");
        await other.CreateEndpointAsync(receiver.Url + "?other", "*");
        // Live endpoints must be https and may not reach loopback; this one gets no delivery, which is the point.
        var (liveEndpoint, _) = await live.CreateEndpointAsync("https://1.1.1.1:1/hooks", "*");

        await host.PublishAsync(TestEvents.License(tenant));

        await receiver.WaitForAsync(1);
        await Task.Delay(1000);
        Assert.Single(receiver.Requests);
        Assert.Equal(0, (await live.DeliveriesAsync(liveEndpoint)).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task AReceiverAnswering500TwiceThen200GetsTheEventOnTheThirdAttempt()
    {
        await using var receiver = await Receiver.StartAsync(0, 500, 500);
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        using var attempts = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), "Platform.Webhooks", "webhooks.deliveries");
        var tenant = TestEvents.NewTenant();
        using var client = host.ClientFor(tenant);
        var (endpointId, secret) = await client.CreateEndpointAsync(receiver.Url);

        await host.PublishAsync(TestEvents.License(tenant));

        var delivery = await client.WaitForDeliveryAsync(endpointId, "delivered");
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivery.GetProperty("lastResponseCode").GetInt32());
        var requests = receiver.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.Single(requests.Select(r => r.Headers["X-TO-Delivery-ID"]).Distinct());
        Assert.All(requests, r => Assert.True(Signatures.Verify(r, secret)));
        Assert.Equal(1, (await client.DeliveriesAsync(endpointId)).GetProperty("pagination").GetProperty("total").GetInt64());
        // The attempts by outcome, as the dashboard shows them.
        Assert.Equal(["pending", "pending", "delivered"], attempts.GetMeasurementSnapshot().Select(m => (string?)m.Tags["outcome"]));
    }

    [Fact]
    public async Task AReceiverThatIsDownWhenTheEventHappensGetsItOnceItComesUp()
    {
        var port = FreePort.Next();
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        var tenant = TestEvents.NewTenant();
        using var client = host.ClientFor(tenant);
        var (endpointId, secret) = await client.CreateEndpointAsync($"http://127.0.0.1:{port}/hooks");

        await host.PublishAsync(TestEvents.License(tenant));
        var failing = await client.WaitForDeliveryAsync(endpointId, "pending");
        while ((await client.DeliveriesAsync(endpointId)).GetProperty("data")[0].GetProperty("attempts").GetInt32() < 2)
        {
            await Task.Delay(50);
        }

        Assert.Equal(JsonValueKind.Null, (await client.DeliveriesAsync(endpointId)).GetProperty("data")[0].GetProperty("lastResponseCode").ValueKind);
        await using var receiver = await Receiver.StartAsync(port);

        var request = Assert.Single(await receiver.WaitForAsync(1));
        Assert.True(Signatures.Verify(request, secret));
        Assert.Equal(failing.GetProperty("id").GetString(), request.Headers["X-TO-Delivery-ID"]);
        var delivered = await client.WaitForDeliveryAsync(endpointId, "delivered");
        Assert.True(delivered.GetProperty("attempts").GetInt32() >= 3);
    }

    [Fact]
    public async Task TheServiceRestartedInTheMiddleOfARetryScheduleStillDelivers()
    {
        await using var receiver = await Receiver.StartAsync(0, 503);
        var setup = await WebhooksSetup.CreateAsync(postgres, broker);
        var tenant = TestEvents.NewTenant();
        string endpointId;
        // A long first backoff, so that the retry is due only after the restart.
        (string, string) slow = ("Webhooks:RetryBaseDelay", "00:00:02");
        await using (var first = await WebhooksHost.StartAsync(setup, slow))
        {
            using var client = first.ClientFor(tenant);
            (endpointId, _) = await client.CreateEndpointAsync(receiver.Url);
            await first.PublishAsync(TestEvents.License(tenant));
            await receiver.WaitForAsync(1);
            var pending = await client.WaitForDeliveryAsync(endpointId, "pending");
            Assert.Equal(1, pending.GetProperty("attempts").GetInt32());
        }

        await using var second = await WebhooksHost.StartAsync(setup, slow);
        using var after = second.ClientFor(tenant);
        var delivered = await after.WaitForDeliveryAsync(endpointId, "delivered");
        Assert.Equal(2, delivered.GetProperty("attempts").GetInt32());
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task ADuplicatedEventYieldsOneDelivery()
    {
        await using var receiver = await Receiver.StartAsync();
        var setup = await WebhooksSetup.CreateAsync(postgres, broker);
        await using var host = await WebhooksHost.StartAsync(setup);
        // A second replica on the same queue: the copies may land on different consumers.
        await using var replica = await WebhooksHost.StartAsync(setup);
        var tenant = TestEvents.NewTenant();
        using var client = host.ClientFor(tenant);
        var (endpointId, _) = await client.CreateEndpointAsync(receiver.Url);
        var licenseEvent = TestEvents.License(tenant);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? host : replica).PublishAsync(licenseEvent)));

        await receiver.WaitForAsync(1);
        await Task.Delay(1500);
        Assert.Single(receiver.Requests);
        Assert.Equal(1, (await client.DeliveriesAsync(endpointId)).GetProperty("pagination").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task TwoReplicasShareTheWorkAndDeliverEveryEventOnce()
    {
        await using var receiver = await Receiver.StartAsync();
        var setup = await WebhooksSetup.CreateAsync(postgres, broker);
        await using var one = await WebhooksHost.StartAsync(setup);
        await using var two = await WebhooksHost.StartAsync(setup);
        var tenant = TestEvents.NewTenant();
        using var client = one.ClientFor(tenant);
        await client.CreateEndpointAsync(receiver.Url);
        var events = Enumerable.Range(0, 200).Select(_ => TestEvents.License(tenant)).ToList();

        await Task.WhenAll(events.Select(one.PublishAsync));

        var requests = await receiver.WaitForAsync(events.Count, TimeSpan.FromSeconds(60));
        await Task.Delay(500);
        Assert.Equal(events.Count, receiver.Requests.Count);
        Assert.Equal(events.Select(e => e.EventId.ToString()).Order(), requests.Select(r => r.Headers["X-TO-Event-ID"]).Order());
    }
}
