using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

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
        var received = new ConcurrentQueue<(string Timestamp, string Signature, string Event, string Body)>();
        await using var receiver = await StartReceiverAsync(received);
        using var api = platform.Gateway();

        var endpoint = await (await api.PostAsJsonAsync("/api/v1/webhooks", new { url = $"{receiver.Urls.First()}/hooks", events = new[] { "license.created" } })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = endpoint.GetProperty("secret").GetString()!;
        var product = await (await api.PostAsJsonAsync("/api/v1/products", new { name = "E2E webhooks" })).Content.ReadFromJsonAsync<JsonElement>();
        var created = await api.PostAsJsonAsync("/api/v1/licenses", new { product_id = product.GetProperty("id").GetString(), type = "subscription", expires_at = DateTimeOffset.UtcNow.AddDays(30) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var licenseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!received.Any(r => r.Body.Contains(licenseId!, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The license.created webhook never arrived.");
            await Task.Delay(100);
        }

        var hook = received.First(r => r.Body.Contains(licenseId!, StringComparison.Ordinal));
        Assert.Equal("license.created", hook.Event);
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{hook.Timestamp}.{hook.Body}"))).ToLowerInvariant();
        Assert.Equal(expected, hook.Signature);
        using var body = JsonDocument.Parse(hook.Body);
        Assert.Equal("license.created", body.RootElement.GetProperty("event").GetString());
        Assert.Equal(licenseId, body.RootElement.GetProperty("data").GetProperty("licenseId").GetString());
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("data").ValueKind);
    }

    private static async Task<WebApplication> StartReceiverAsync(ConcurrentQueue<(string, string, string, string)> received)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var headers = context.Request.Headers;
            received.Enqueue((headers["X-TO-Timestamp"].ToString(), headers["X-TO-Signature"].ToString(), headers["X-TO-Event"].ToString(), await reader.ReadToEndAsync()));
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }
}
