using System.Net;
using System.Security.Cryptography;
using System.Text;
using LicensePlatform.Client.Management;

namespace Platform.Client.Tests;

/// <summary>Webhook endpoints and their deliveries through the management client, delivered to a receiver of the test's own.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ManagementWebhookTests(PlatformFixture platform) : IDisposable
{
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(30);
    private readonly TempFolder cache = new();

    [Fact]
    public async Task An_endpoint_is_created_changed_tested_redelivered_rotated_and_deleted()
    {
        using var client = platform.ManagementClient(cache);
        await using var receiver = await WebhookSink.StartAsync();

        var created = await client.Webhooks.CreateAsync(new CreateWebhookRequest
        {
            Url = receiver.Url, Events = ["license.created"], Description = "management client test",
        });
        var id = created.Endpoint.Id;
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        Assert.Equal((receiver.Url, true, null, "management client test"),
            (created.Endpoint.Url, created.Endpoint.Enabled, created.Endpoint.DisabledReason, created.Endpoint.Description));
        Assert.Equal(["license.created"], (await client.Webhooks.GetAsync(id)).Events);
        Assert.Contains((await client.Webhooks.ListAsync(limit: 100)).Data, e => e.Id == id);

        var updated = await client.Webhooks.UpdateAsync(id, new UpdateWebhookRequest { Description = "changed", Events = ["license.created", "license.revoked"] });
        Assert.Equal(("changed", receiver.Url), (updated.Description, updated.Url));
        Assert.Equal(["license.created", "license.revoked"], updated.Events);

        var test = await client.Webhooks.TestAsync(id);
        Assert.Equal((id, "webhook.test"), (test.EndpointId, test.Event));
        var delivered = await DeliveredAsync(client, id, test.Id);
        Assert.Equal((1, 200, test.EventId), (delivered.Attempts, delivered.LastResponseCode, delivered.EventId));
        Assert.NotNull(delivered.DeliveredAt);
        var received = Assert.Single(receiver.Deliveries, r => r.DeliveryId == test.Id);
        Assert.Equal("webhook.test", received.Event);
        Assert.Equal(Signature(created.Secret, received), received.Signature);

        Assert.Contains((await client.Webhooks.ListDeliveriesAsync(id, WebhookDeliveryStatus.Delivered)).Data, d => d.Id == test.Id);
        Assert.DoesNotContain((await client.Webhooks.ListDeliveriesAsync(id, WebhookDeliveryStatus.Failed)).Data, d => d.Id == test.Id);

        var redelivery = await client.Webhooks.RedeliverAsync(id, test.Id);
        Assert.NotEqual(test.Id, redelivery.Id);
        Assert.Equal((test.Id, test.EventId), (redelivery.RedeliveryOf, redelivery.EventId));
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await DeliveredAsync(client, id, redelivery.Id)).Status);
        Assert.Contains(receiver.Deliveries, r => r.DeliveryId == redelivery.Id);

        var rotated = await client.Webhooks.RotateSecretAsync(id);
        Assert.StartsWith("whsec_", rotated.Secret, StringComparison.Ordinal);
        Assert.NotEqual(created.Secret, rotated.Secret);
        ManagementTestData.Near(DateTimeOffset.UtcNow.AddHours(24), rotated.PreviousSecretExpiresAt);
        ManagementTestData.Near(rotated.PreviousSecretExpiresAt, (await client.Webhooks.GetAsync(id)).PreviousSecretExpiresAt);

        var disabled = await client.Webhooks.UpdateAsync(id, new UpdateWebhookRequest { Enabled = false });
        Assert.Equal((false, "manual"), (disabled.Enabled, disabled.DisabledReason));
        Assert.Equal(ErrorCodes.Conflict, (await Assert.ThrowsAsync<LicenseApiException>(() => client.Webhooks.TestAsync(id))).Code);

        await client.Webhooks.DeleteAsync(id);
        Assert.Equal(ErrorCodes.NotFound, (await Assert.ThrowsAsync<LicenseApiException>(() => client.Webhooks.GetAsync(id))).Code);
        Assert.Equal(ErrorCodes.NotFound, (await Assert.ThrowsAsync<LicenseApiException>(() => client.Webhooks.GetDeliveryAsync(id, test.Id))).Code);
    }

    [Fact]
    public async Task An_endpoint_the_platform_may_not_reach_or_an_unknown_event_is_refused()
    {
        using var client = platform.ManagementClient(cache);
        var privateAddress = await Assert.ThrowsAsync<LicenseApiException>(() => client.Webhooks.CreateAsync(new CreateWebhookRequest
        {
            Url = new Uri("https://10.1.2.3/hooks"), Events = ["*"],
        }));
        Assert.Equal((HttpStatusCode.BadRequest, "URL_NOT_ALLOWED"), (privateAddress.StatusCode, privateAddress.Code));

        var unknownEvent = await Assert.ThrowsAsync<LicenseApiException>(() => client.Webhooks.CreateAsync(new CreateWebhookRequest
        {
            Url = new Uri("https://203.0.114.5/hooks"), Events = ["license.exploded"],
        }));
        Assert.Equal(ErrorCodes.ValidationError, unknownEvent.Code);
    }

    /// <summary>The delivery once it is delivered, read until it is or <see cref="DeliveryWait"/> passes.</summary>
    private static async Task<WebhookDelivery> DeliveredAsync(LicenseManagementClient client, string endpointId, string deliveryId)
    {
        var delivery = await client.Webhooks.GetDeliveryAsync(endpointId, deliveryId);
        for (var deadline = DateTime.UtcNow + DeliveryWait; delivery.Status != WebhookDeliveryStatus.Delivered && DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            delivery = await client.Webhooks.GetDeliveryAsync(endpointId, deliveryId);
        }

        Assert.Equal(WebhookDeliveryStatus.Delivered, delivery.Status);
        return delivery;
    }

    /// <summary>What <c>X-TO-Signature</c> must be: hex HMAC-SHA256 with the secret over <c>timestamp.body</c>.</summary>
    private static string Signature(string secret, ReceivedWebhook webhook) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{webhook.Timestamp}.{webhook.Body}")));

    public void Dispose() => cache.Dispose();
}
