using System.Security.Cryptography;
using System.Text;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// A license created through the public API (the Gateway, with the development test key) reaches a vendor's
/// receiver as a signed webhook, through Licensing's outbox, RabbitMQ and Webhooks.Service as the AppHost wires them.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WebhooksEndToEndTests(PlatformFixture platform)
{
    [Fact]
    public async Task ALicenseCreatedThroughTheApiReachesTheReceiverSigned()
    {
        await using var sink = await WebhookSink.StartAsync();
        using var api = platform.Gateway();
        await using var subscription = await sink.SubscribeAsync(api, "license.created");
        var productId = await api.CreateProductAsync("E2E webhooks");
        var licenseId = (await api.CreateLicenseAsync(productId, "subscription", DateTimeOffset.UtcNow.AddDays(30))).GetProperty("id").GetString();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!sink.Deliveries.Any(d => d.LicenseId == licenseId))
        {
            Assert.True(DateTime.UtcNow < deadline, "The license.created webhook never arrived.");
            await Task.Delay(100);
        }

        var hook = sink.Deliveries.First(d => d.LicenseId == licenseId);
        Assert.Equal("license.created", hook.Event);
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(subscription.Secret), Encoding.UTF8.GetBytes($"{hook.Timestamp}.{hook.Body}"))).ToLowerInvariant();
        Assert.Equal(expected, hook.Signature);
        using var body = JsonDocument.Parse(hook.Body);
        Assert.Equal("license.created", body.RootElement.GetProperty("event").GetString());
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("data").ValueKind);
    }
}
