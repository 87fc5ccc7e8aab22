using System.Collections.Concurrent;
using System.Security.Cryptography;
using Grpc.AspNetCore.Server;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Licensing.Extensions;
using Platform.Licensing.Apis;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.IntegrationEvents;
using Platform.Licensing.Model;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Identity;

namespace Platform.Validation.Tests;

/// <summary>
/// The real Licensing service, composed as its Program composes it (its own composition root, migrations, gRPC
/// on an HTTP/2 endpoint, REST on HTTP/1.1, the outbox relay publishing to RabbitMQ) on a database of the test's
/// own. It counts the requests each gRPC method received, so tests can see what Validation asked.
/// </summary>
internal sealed class LicensingHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> calls;
    private bool stopped;

    private LicensingHost(WebApplication app, ConcurrentDictionary<string, int> calls, byte[] secret, Uri rest, Uri grpc)
    {
        this.app = app;
        this.calls = calls;
        Secret = secret;
        RestAddress = rest;
        GrpcAddress = grpc;
    }

    public byte[] Secret { get; }
    public Uri RestAddress { get; }
    public Uri GrpcAddress { get; }

    /// <param name="relayEvents">False leaves the outbox unpublished, as if the broker were unreachable for Validation.</param>
    /// <param name="interceptor">Runs around each gRPC call Licensing handles, to see the calls or lose their answers.</param>
    public static async Task<LicensingHost> StartAsync(string connectionString, string eventBus, bool relayEvents = true, Interceptor? interceptor = null)
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        ListenOptions? rest = null, grpc = null;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, l => { l.Protocols = HttpProtocols.Http1; rest = l; });
            k.Listen(IPAddress.Loopback, 0, l => { l.Protocols = HttpProtocols.Http2; grpc = l; });
        });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:licensingdb"] = connectionString,
            ["ConnectionStrings:eventbus"] = eventBus,
            [IdentityExtensions.SecretKey] = Convert.ToBase64String(secret),
        });
        builder.AddServiceDefaults();
        global::Platform.Licensing.Extensions.Extensions.AddApplicationServices(builder);
        if (!relayEvents)
        {
            var relay = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxRelay));
            builder.Services.Remove(relay);
        }

        if (interceptor is not null)
        {
            // Registered as a service, so the gRPC pipeline uses this instance rather than making one per call.
            builder.Services.AddSingleton(interceptor.GetType(), interceptor);
            builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add(interceptor.GetType()));
        }

        var app = builder.Build();
        var calls = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        app.Use((context, next) =>
        {
            calls.AddOrUpdate(context.Request.Path.Value ?? "", 1, (_, n) => n + 1);
            return next(context);
        });
        await app.MigrateDatabaseAsync();
        app.MapDefaultEndpoints();
        app.MapLicensingGrpc();
        app.MapLicensingApi();
        await app.StartAsync();
        return new LicensingHost(app, calls, secret, Address(rest!), Address(grpc!));
    }

    /// <summary>How many calls the gRPC method (e.g. <c>GetLicenseByKey</c>) received.</summary>
    public int CallsTo(string method) => calls.GetValueOrDefault("/licensing.v1.Licensing/" + method);

    /// <summary>A client of the management API acting as an admin of <paramref name="tenantId"/> in the test environment.</summary>
    public HttpClient AdminClient(string tenantId, string environment = "test")
    {
        var client = new HttpClient { BaseAddress = RestAddress };
        client.DefaultRequestHeaders.Add(IdentityToken.HeaderName, IdentityHeader(tenantId, environment));
        return client;
    }

    public string IdentityHeader(string tenantId, string environment = "test") =>
        IdentityToken.Sign(new CallerIdentity(tenantId, environment, [ApiKey.AdminScope], "key_test", "enterprise"), Secret, DateTimeOffset.UtcNow);

    public async Task<string> CreateTenantAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantProvisioning>().CreateAsync("Acme", RateLimitPlan.Enterprise, null, CancellationToken.None);
        return tenant.TenantId;
    }

    /// <summary>Licensing goes away, as in an outage.</summary>
    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
    }

    private static Uri Address(ListenOptions listen) => new($"http://{listen.IPEndPoint}");
}
