using System.Net.Http.Json;
using System.Security.Cryptography;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Contracts.Events;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Identity;
using Platform.Webhooks.Apis;
using Platform.Webhooks.Extensions;

namespace Platform.Webhooks.Tests;

/// <summary>
/// Webhooks.Service composed exactly as its Program does, on real Kestrel, against the test's database and
/// queue on the shared Postgres and RabbitMQ. Requests carry identities signed as the Gateway signs them.
/// </summary>
internal sealed class WebhooksHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhooksHost(WebApplication app, WebhooksSetup setup)
    {
        this.app = app;
        Setup = setup;
        Address = new Uri(app.Urls.First());
    }

    public WebhooksSetup Setup { get; }
    public Uri Address { get; }
    public IServiceProvider Services => app.Services;

    public static Task<WebhooksHost> StartAsync(WebhooksSetup setup, params (string Key, string Value)[] settings)
    {
        // MassTransit keeps its log context in an AsyncLocal: a host started in the flow of an earlier,
        // disposed host would inherit that host's disposed logger factory. Each host starts in a clean flow,
        // as it would in a process of its own.
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(() => StartInCleanFlowAsync(setup, settings));
        }
    }

    private static async Task<WebhooksHost> StartInCleanFlowAsync(WebhooksSetup setup, (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["ConnectionStrings:webhooksdb"] = setup.ConnectionString;
        builder.Configuration["ConnectionStrings:eventbus"] = setup.Amqp;
        builder.Configuration[IdentityExtensions.SecretKey] = Convert.ToBase64String(setup.IdentitySecret);
        builder.Configuration["Webhooks:QueueName"] = setup.QueueName;
        builder.Configuration["Webhooks:AllowLoopback"] = "true";
        builder.Configuration["Webhooks:RetryBaseDelay"] = "00:00:00.200";
        builder.Configuration["Webhooks:PollInterval"] = "00:00:00.050";
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddServiceDefaults();
        builder.AddApplicationServices();
        var app = builder.Build();
        await app.MigrateDatabaseAsync();
        app.MapDefaultEndpoints();
        app.MapWebhooksApi();
        await app.StartAsync();
        return new WebhooksHost(app, setup);
    }

    /// <summary>A client acting as <paramref name="tenantId"/> in <paramref name="environment"/> with the admin scope.</summary>
    public HttpClient ClientFor(string tenantId, string environment = "test", string scope = "admin")
    {
        var client = new HttpClient { BaseAddress = Address };
        var identity = new CallerIdentity(tenantId, environment, [scope], "key_test", "enterprise");
        client.DefaultRequestHeaders.Add(IdentityToken.HeaderName, IdentityToken.Sign(identity, Setup.IdentitySecret, DateTimeOffset.UtcNow));
        return client;
    }

    /// <summary>Publishes a license event through the broker as Licensing's outbox relay does (message id = event id).</summary>
    public Task PublishAsync(LicenseEvent licenseEvent) =>
        Services.GetRequiredService<IBus>().Publish(licenseEvent, context => context.MessageId = licenseEvent.EventId);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>What a test's hosts share: its own database and queue, the broker, and the Gateway's identity secret.</summary>
internal sealed record WebhooksSetup(string ConnectionString, string Amqp, string QueueName, byte[] IdentitySecret)
{
    public static async Task<WebhooksSetup> CreateAsync(PostgresFixture postgres, BrokerFixture broker) => new(
        await postgres.CreateDatabaseAsync(), broker.ConnectionString,
        "webhooks-test-" + Guid.NewGuid().ToString("N")[..10], RandomNumberGenerator.GetBytes(32));
}

internal static class HttpJson
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);
}
