using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Gateway.Auth;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Tests;

/// <summary>
/// The Gateway as it runs in production (its composition root, pipeline and appsettings.json routes) on real Kestrel, in
/// front of the fixture's Licensing; validation, webhooks and billing routes lead to the fixture's plain upstream unless
/// a test points them elsewhere.
/// </summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private GatewayHost(WebApplication app, Uri address, byte[] portalSecret)
    {
        this.app = app;
        Address = address;
        PortalSecret = portalSecret;
    }

    public Uri Address { get; }
    public byte[] PortalSecret { get; }
    public IServiceProvider Services => app.Services;

    public static async Task<GatewayHost> StartAsync(PlatformFixture platform, IDictionary<string, string?>? settings = null)
    {
        var portalSecret = RandomNumberGenerator.GetBytes(32);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = Path.Combine(Repository.Root, "Gateway"),
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var upstream = platform.Upstream.Address.ToString();
        var configuration = new Dictionary<string, string?>
        {
            [IdentityExtensions.SecretKey] = platform.Licensing.IdentitySecret,
            [PortalTokens.SecretKey] = Convert.ToBase64String(portalSecret),
            ["ConnectionStrings:eventbus"] = platform.EventBus,
            ["services:licensing:grpc:0"] = platform.Licensing.Grpc.ToString(),
            ["services:licensing:http:0"] = platform.Licensing.Http.ToString(),
            ["services:validation:http:0"] = upstream,
            ["services:validation:h2c:0"] = platform.Upstream.H2cAddress.ToString(),
            ["services:webhooks:http:0"] = upstream,
            ["services:billing:http:0"] = upstream,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults();
        Extensions.Extensions.AddApplicationServices(builder);
        var app = builder.Build();
        Extensions.Extensions.MapGateway(app);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new GatewayHost(app, address, portalSecret);
    }

    public HttpClient Client(string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
