using System.Net.Http.Json;

namespace Platform.Webhooks.Tests;

/// <summary>Secret rotation, giving up, disabling dead endpoints, redelivery and test pings.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class LifecycleTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Fact]
    public async Task AfterARotationBothSecretsSignUntilTheOverlapEnds()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        var tenant = TestEvents.NewTenant();
        using var client = host.ClientFor(tenant);
        var (id, oldSecret) = await client.CreateEndpointAsync(receiver.Url);

        var rotated = await (await client.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null)).JsonAsync();
        var newSecret = rotated.GetProperty("secret").GetString()!;
        await host.PublishAsync(TestEvents.License(tenant));

        var request = Assert.Single(await receiver.WaitForAsync(1));
        Assert.NotEqual(oldSecret, newSecret);
        Assert.InRange(rotated.GetProperty("previousSecretExpiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddHours(23.9), DateTimeOffset.UtcNow.AddHours(24.1));
        Assert.Equal(2, request.Headers["X-TO-Signature"].Split(',').Length);
        Assert.True(Signatures.Verify(request, newSecret));
        Assert.True(Signatures.Verify(request, oldSecret));
        Assert.False(Signatures.Verify(request, "whsec_someoneelse"));
    }

    [Fact]
    public async Task ADeliveryIsMarkedFailedWhenItsAttemptsRunOut()
    {
        await using var receiver = await Receiver.StartAsync(0, 500, 500, 500, 500, 500);
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker), ("Webhooks:MaxAttempts", "3"));
        var tenant = TestEvents.NewTenant();
        using var client = host.ClientFor(tenant);
        var (id, _) = await client.CreateEndpointAsync(receiver.Url);

        await host.PublishAsync(TestEvents.License(tenant));

        var failed = await client.WaitForDeliveryAsync(id, "failed");
        Assert.Equal(3, failed.GetProperty("attempts").GetInt32());
        Assert.Equal(500, failed.GetProperty("lastResponseCode").GetInt32());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("nextAttemptAt").ValueKind);
        await Task.Delay(500);
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task AnEndpointAnswering410IsDisabledAtOnce()
    {
        await using var receiver = await Receiver.StartAsync(0, 410);
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        var tenant = TestEvents.NewTenant();
        using var client = host.ClientFor(tenant);
        var (id, _) = await client.CreateEndpointAsync(receiver.Url);

        await host.PublishAsync(TestEvents.License(tenant));

        var failed = await client.WaitForDeliveryAsync(id, "failed");
        var endpoint = await client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}");
        Assert.Equal(1, failed.GetProperty("attempts").GetInt32());
        Assert.False(endpoint.GetProperty("enabled").GetBoolean());
        Assert.Equal("gone", endpoint.GetProperty("disabledReason").GetString());

        await host.PublishAsync(TestEvents.License(tenant));
        await Task.Delay(1000);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task AnEndpointFailingEveryAttemptForTheWholeWindowIsDisabledAndEnablingItResumesDelivery()
    {
        await using var receiver = await Receiver.StartAsync(0, Enumerable.Repeat(500, 8).ToArray());
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker), ("Webhooks:DisableAfter", "00:00:01"));
        var tenant = TestEvents.NewTenant();
        using var client = host.ClientFor(tenant);
        var (id, _) = await client.CreateEndpointAsync(receiver.Url);

        await host.PublishAsync(TestEvents.License(tenant));

        JsonElement endpoint;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((endpoint = await client.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}")).GetProperty("enabled").GetBoolean())
        {
            Assert.True(DateTime.UtcNow < deadline, "The failing endpoint was never disabled.");
            await Task.Delay(100);
        }

        Assert.Equal("failing", endpoint.GetProperty("disabledReason").GetString());
        var attemptsWhenDisabled = receiver.Requests.Count;
        await Task.Delay(1500);
        Assert.Equal(attemptsWhenDisabled, receiver.Requests.Count);

        // The owner points it at a working receiver and enables it: the pending delivery goes out.
        await using var fixedReceiver = await Receiver.StartAsync();
        var enabled = await client.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { url = fixedReceiver.Url, enabled = true });
        Assert.Equal(JsonValueKind.Null, (await enabled.JsonAsync()).GetProperty("disabledReason").ValueKind);
        Assert.Single(await fixedReceiver.WaitForAsync(1));
        await client.WaitForDeliveryAsync(id, "delivered");
    }

    [Fact]
    public async Task RedeliverSendsTheSameEventAgainAsANewDelivery()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        var tenant = TestEvents.NewTenant();
        using var client = host.ClientFor(tenant);
        var (id, secret) = await client.CreateEndpointAsync(receiver.Url);
        await host.PublishAsync(TestEvents.License(tenant));
        var original = await client.WaitForDeliveryAsync(id, "delivered");
        var originalId = original.GetProperty("id").GetString();

        var response = await client.PostAsync($"/api/v1/webhooks/{id}/deliveries/{originalId}/redeliver", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var redelivery = await response.JsonAsync();
        Assert.Equal(originalId, redelivery.GetProperty("redeliveryOf").GetString());
        var requests = await receiver.WaitForAsync(2);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(requests[0].Headers["X-TO-Event-ID"], requests[1].Headers["X-TO-Event-ID"]);
        Assert.Equal(redelivery.GetProperty("id").GetString(), requests[1].Headers["X-TO-Delivery-ID"]);
        Assert.True(Signatures.Verify(requests[1], secret));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/webhooks/{id}/deliveries/whd_nothing/redeliver", null)).StatusCode);
    }

    [Fact]
    public async Task ATestPingReachesTheEndpointSigned()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        using var client = host.ClientFor(TestEvents.NewTenant());
        var (id, secret) = await client.CreateEndpointAsync(receiver.Url, "license.created");

        var response = await client.PostAsync($"/api/v1/webhooks/{id}/test", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var request = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal("webhook.test", request.Headers["X-TO-Event"]);
        Assert.True(Signatures.Verify(request, secret));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(id, body.RootElement.GetProperty("data").GetProperty("endpointId").GetString());
        Assert.Equal("webhook.test", body.RootElement.GetProperty("event").GetString());
        var delivery = await client.WaitForDeliveryAsync(id, "delivered");
        Assert.Equal("webhook.test", delivery.GetProperty("event").GetString());
    }
}
