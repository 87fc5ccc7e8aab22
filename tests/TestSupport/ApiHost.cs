using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Platform.ServiceDefaults.Input;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Licensing.Apis;
using Platform.Licensing.Extensions;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;

namespace Platform.Testing;

/// <summary>Licensing's management API on real Kestrel and a real database; requests carry identities signed as the Gateway signs them.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly byte[] secret;

    private ApiHost(WebApplication app, byte[] secret, Uri address)
    {
        this.app = app;
        this.secret = secret;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ApiHost> StartAsync(NpgsqlDataSource dataSource)
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration[IdentityExtensions.SecretKey] = Convert.ToBase64String(secret);
        builder.AddServiceDefaults();
        builder.AddRequestInputChecks();
        builder.AddCallerIdentity();
        builder.Services.AddDbContextPool<LicensingDbContext>(o => o.UseNpgsql(dataSource));
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddLicensingModel();
        var app = builder.Build();
        app.MapLicensingApi();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new ApiHost(app, secret, address);
    }

    /// <summary>A client acting as <paramref name="tenantId"/> in <paramref name="environment"/> with <paramref name="scopes"/>.</summary>
    public HttpClient ClientFor(string tenantId, string environment = "test", params string[] scopes) =>
        SignedClient(Address, secret, tenantId, environment, scopes.Length > 0 ? scopes : [ApiKey.AdminScope]);

    public HttpClient AnonymousClient() => new() { BaseAddress = Address };

    /// <summary>A customer's portal session, as the Gateway passes it on: the <c>portal</c> scope and the customer's e-mail.</summary>
    public HttpClient PortalClientFor(string tenantId, string customer)
    {
        var client = new HttpClient { BaseAddress = Address };
        var identity = new CallerIdentity(tenantId, "test", ["portal"], $"portal:{customer}", "portal", customer);
        client.DefaultRequestHeaders.Add(IdentityToken.HeaderName, IdentityToken.Sign(identity, secret, DateTimeOffset.UtcNow));
        return client;
    }

    /// <summary>A client of any service at <paramref name="address"/> that trusts <paramref name="secret"/>, acting as the Gateway would.</summary>
    public static HttpClient SignedClient(Uri address, byte[] secret, string tenantId, string environment, params string[] scopes)
    {
        var client = new HttpClient { BaseAddress = address };
        var identity = new CallerIdentity(tenantId, environment, scopes, "key_test", "enterprise");
        client.DefaultRequestHeaders.Add(IdentityToken.HeaderName, IdentityToken.Sign(identity, secret, DateTimeOffset.UtcNow));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public static class HttpJson
{
    public static async Task<System.Text.Json.JsonElement> JsonAsync(this HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);
}
