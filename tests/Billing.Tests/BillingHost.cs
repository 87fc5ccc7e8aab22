using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Billing.Apis;
using Platform.Billing.Extensions;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Identity;

namespace Platform.Billing.Tests;

/// <summary>
/// Billing.Service as Program.cs composes it, on real Kestrel, over its own database, calling Licensing at <c>licensingGrpc</c>
/// with the run's shared identity secret (its service credential must verify there).
/// </summary>
internal sealed class BillingHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly byte[] secret;

    private BillingHost(WebApplication app, byte[] secret, Uri address, Uri licensingAddress)
    {
        this.app = app;
        this.secret = secret;
        Address = address;
        LicensingAddress = licensingAddress;
    }

    public Uri Address { get; }

    /// <summary>Where Billing calls Licensing's gRPC API.</summary>
    public Uri LicensingAddress { get; }

    /// <summary>The service's services (its meter factory, for the tests of its metrics).</summary>
    public IServiceProvider Services => app.Services;

    public static async Task<BillingHost> StartAsync(string connectionString, Uri licensingGrpc)
    {
        var secret = SharedSecret.Value;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["ConnectionStrings:billingdb"] = connectionString;
        builder.Configuration["services:licensing:grpc:0"] = licensingGrpc.ToString();
        builder.Configuration[IdentityExtensions.SecretKey] = Convert.ToBase64String(secret);
        // Quick retries, so that the tests see an event through Licensing's outage in seconds.
        builder.Configuration["Billing:PollInterval"] = "00:00:00.200";
        builder.Configuration["Billing:RetryInitialDelay"] = "00:00:00.100";
        builder.Configuration["Billing:RetryMaxDelay"] = "00:00:00.500";
        builder.AddServiceDefaults();
        builder.AddApplicationServices();
        var app = builder.Build();
        await app.MigrateDatabaseAsync();
        app.MapDefaultEndpoints();
        app.MapBillingApi();
        await app.StartAsync();
        return new BillingHost(app, secret, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), licensingGrpc);
    }

    /// <summary>A client with the admin scope of <paramref name="tenantId"/> in <paramref name="environment"/>, as the Gateway forwards it.</summary>
    public HttpClient AdminClient(string tenantId, string environment = "test") => ApiHost.SignedClient(Address, secret, tenantId, environment, BillingApi.AdminScope);

    /// <summary>A client without identity: how Stripe reaches the webhook endpoint.</summary>
    public HttpClient AnonymousClient() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
