using Microsoft.AspNetCore.Http;

namespace Platform.Webhooks.Tests;

/// <summary>What the sender refuses to do for a receiver: follow redirects, wait forever, read without limit.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class SenderSafetyTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Fact]
    public async Task ARedirectIsNotFollowedAndCountsAsAFailedAttempt()
    {
        await using var elsewhere = await Receiver.StartAsync();
        await using var redirecting = await Receiver.StartAsync(0, _ => Task.FromResult(Results.Redirect(elsewhere.Url, permanent: false, preserveMethod: true)));
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker), ("Webhooks:MaxAttempts", "2"));
        var tenant = TestEvents.NewTenant();
        using var client = host.ClientFor(tenant);
        var (id, _) = await client.CreateEndpointAsync(redirecting.Url);

        await host.PublishAsync(TestEvents.License(tenant));

        var failed = await client.WaitForDeliveryAsync(id, "failed");
        Assert.Equal(307, failed.GetProperty("lastResponseCode").GetInt32());
        Assert.Equal(2, redirecting.Requests.Count);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task AReceiverSlowerThanTheTimeoutFailsTheAttempt()
    {
        await using var slow = await Receiver.StartAsync(0, async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return Results.Ok();
        });
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker),
            ("Webhooks:RequestTimeout", "00:00:01"), ("Webhooks:MaxAttempts", "1"));
        var tenant = TestEvents.NewTenant();
        using var client = host.ClientFor(tenant);
        var (id, _) = await client.CreateEndpointAsync(slow.Url);

        await host.PublishAsync(TestEvents.License(tenant));

        var failed = await client.WaitForDeliveryAsync(id, "failed");
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("lastResponseCode").ValueKind);
        Assert.Contains("within 1 s", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.InRange(failed.GetProperty("lastDurationMs").GetInt32(), 900, 4000);
    }

    [Fact]
    public async Task OnlyTheStartOfAHugeAnswerIsReadAndStored()
    {
        var huge = new string('x', 4 * 1024 * 1024);
        await using var chatty = await Receiver.StartAsync(0, _ => Task.FromResult(Results.Text(huge)));
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        var tenant = TestEvents.NewTenant();
        using var client = host.ClientFor(tenant);
        var (id, _) = await client.CreateEndpointAsync(chatty.Url);

        await host.PublishAsync(TestEvents.License(tenant));

        var delivered = await client.WaitForDeliveryAsync(id, "delivered");
        Assert.Equal(1024, delivered.GetProperty("lastResponseBody").GetString()!.Length);
    }
}
