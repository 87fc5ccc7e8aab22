using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Servers;
using Platform.Licensing.Extensions;
using Platform.Licensing.Apis;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Tests;

/// <summary>The real Licensing service (REST, gRPC, outbox relay) on Kestrel, over its own database and the test broker.</summary>
internal sealed class LicensingHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> calls;

    private LicensingHost(WebApplication app, ConcurrentDictionary<string, int> calls, Uri http, Uri grpc, string identitySecret)
    {
        this.app = app;
        this.calls = calls;
        Http = http;
        Grpc = grpc;
        IdentitySecret = identitySecret;
    }

    public Uri Http { get; }
    public Uri Grpc { get; }

    /// <summary>The secret the Gateway signs identities with (base64).</summary>
    public string IdentitySecret { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<LicensingHost> StartAsync(string connectionString, string eventBus)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var http = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var grpc = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = Path.Combine(Repository.Root, "Licensing.Service"),
        });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:licensingdb"] = connectionString,
            ["ConnectionStrings:eventbus"] = eventBus,
            [IdentityExtensions.SecretKey] = secret,
            ["Kestrel:Endpoints:http:Url"] = http.ToString(),
            ["Kestrel:Endpoints:grpc:Url"] = grpc.ToString(),
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
        });
        builder.AddServiceDefaults();
        Platform.Licensing.Extensions.Extensions.AddApplicationServices(builder);
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
        return new LicensingHost(app, calls, http, grpc, secret);
    }

    /// <summary>How many calls the gRPC method (e.g. <c>ResolveApiKey</c>) has received so far.</summary>
    public int CallsTo(string method) => calls.GetValueOrDefault("/licensing.v1.Licensing/" + method);

    /// <summary>A new tenant on <paramref name="plan"/> with its admin keys.</summary>
    public async Task<ProvisionedTenant> CreateTenantAsync(RateLimitPlan plan)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<TenantProvisioning>();
        return await provisioning.CreateAsync("Tenant " + Guid.NewGuid().ToString("N")[..6], plan, null, CancellationToken.None);
    }

    /// <summary>An extra key of the tenant with only <paramref name="scopes"/>; its secret.</summary>
    public async Task<string> CreateKeyAsync(string tenantId, ApiEnvironment environment, params string[] scopes)
    {
        var secret = ApiKeySecret.Generate(environment);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        db.ApiKeys.Add(new ApiKey
        {
            Id = Ids.New("key"),
            TenantId = tenantId,
            Environment = environment,
            Name = "Test key",
            Digest = ApiKeySecret.Digest(secret),
            DisplayPrefix = secret[..12],
            Scopes = [.. scopes],
        });
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>Marks the key revoked in the database only, with no event: what a cache that asks Licensing would notice.</summary>
    public async Task RevokeSilentlyAsync(string secret)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var digest = ApiKeySecret.Digest(secret);
        var key = db.ApiKeys.Single(k => k.Digest == digest);
        key.RevokedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
