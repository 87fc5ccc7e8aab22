using System.Net;
using System.Net.Http.Json;
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
        var licenseId = (await api.CreateLicenseAsync(productId, "subscription", DateTimeOffset.UtcNow.AddDays(30))).GetProperty("id").GetString()!;

        var hook = await sink.FirstAsync(licenseId, "license.created", TimeSpan.FromSeconds(30));
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(subscription.Secret), Encoding.UTF8.GetBytes($"{hook.Timestamp}.{hook.Body}"))).ToLowerInvariant();
        Assert.Equal(expected, hook.Signature);
        using var body = JsonDocument.Parse(hook.Body);
        Assert.Equal("license.created", body.RootElement.GetProperty("event").GetString());
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task RefusedValidationsReachTheReceiverAsOneValidationFailedWithTheirCount()
    {
        await using var sink = await WebhookSink.StartAsync();
        using var api = platform.Gateway();
        await using var subscription = await sink.SubscribeAsync(api, "validation.failed");
        var license = await api.CreateLicenseAsync(await api.CreateProductAsync("E2E validation.failed"));
        var (licenseId, key) = (license.GetProperty("id").GetString()!, license.GetProperty("key").GetString());
        using (var suspended = await api.PostAsync($"/api/v1/licenses/{licenseId}/suspend", null))
        {
            Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        }

        for (var i = 0; i < 5; i++)
        {
            using var refused = await api.PostAsJsonAsync("/api/v1/validate", new { key });
            Assert.Equal("LICENSE_SUSPENDED", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        // Validation reports usage about once a second; Licensing folds it and sends due notices every 10 s.
        var hook = await sink.FirstAsync(licenseId, "validation.failed", TimeSpan.FromSeconds(40));
        using var body = JsonDocument.Parse(hook.Body);
        var data = body.RootElement.GetProperty("data");
        Assert.Equal("LICENSE_SUSPENDED", data.GetProperty("code").GetString());
        // The five may straddle two folds: the first notice carries those of the first, the rest wait out the minute.
        Assert.InRange(data.GetProperty("count").GetInt32(), 1, 5);
        Assert.Equal(key, data.GetProperty("key").GetString());
    }
}
