using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;
using Platform.Validation.Apis;

namespace Platform.Validation.Tests;

/// <summary>Validation.Service composed as its Program composes it, on real Kestrel, pointed at a <see cref="LicensingHost"/> and the test broker.</summary>
internal sealed class ValidationHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ValidationHost(WebApplication app, Uri address, IReadOnlyList<byte[]> seeds)
    {
        this.app = app;
        Address = address;
        Seeds = seeds;
    }

    public Uri Address { get; }
    public IReadOnlyList<byte[]> Seeds { get; }
    public IServiceProvider Services => app.Services;

    public static async Task<ValidationHost> StartAsync(LicensingHost licensing, string eventBus, IDictionary<string, string?>? settings = null, IReadOnlyList<byte[]>? seeds = null)
    {
        seeds ??= [RandomNumberGenerator.GetBytes(32)];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var configuration = new Dictionary<string, string?>
        {
            ["services:licensing:grpc:0"] = licensing.GrpcAddress.ToString(),
            ["ConnectionStrings:eventbus"] = eventBus,
            [IdentityExtensions.SecretKey] = Convert.ToBase64String(licensing.Secret),
        };
        for (var i = 0; i < seeds.Count; i++)
        {
            configuration[$"Validation:Tokens:SigningKeys:{i}"] = Convert.ToBase64String(seeds[i]);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults();
        global::Platform.Validation.Extensions.Extensions.AddApplicationServices(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapValidationApi();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new ValidationHost(app, address, seeds);
    }

    public HttpClient Client() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
