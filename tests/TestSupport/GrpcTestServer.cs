using System.Net;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Licensing.Extensions;
using Platform.Licensing.Infrastructure;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;
using LicensingGrpc = Platform.Protos.Licensing.V1.Licensing;

namespace Platform.Testing;

/// <summary>
/// Licensing's gRPC server (Grpc.AspNetCore, with its authentication) on real Kestrel (HTTP/2 cleartext) over a test
/// database, and a Grpc.Net.Client client of it, <see cref="Licensing"/>, that signs each call as the service it is for
/// unless the test gives credentials of its own.
/// </summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly GrpcChannel channel;

    private GrpcTestServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
        channel = GrpcChannel.ForAddress(address);
        Licensing = new LicensingGrpc.LicensingClient(channel.Intercept(new TestServiceCredentials(SharedSecret.Value)));
    }

    public Uri Address { get; }
    public LicensingGrpc.LicensingClient Licensing { get; }

    /// <summary>The server's services (its meter factory, for the tests of its metrics).</summary>
    public IServiceProvider Services => app.Services;

    /// <param name="port">0 for any free port; a fixed one to start a server again where its clients expect it.</param>
    public static async Task<GrpcTestServer> StartAsync(NpgsqlDataSource dataSource, int port = 0)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Configuration[IdentityExtensions.SecretKey] = SharedSecret.Base64;
        builder.AddServiceDefaults();
        builder.AddLicensingGrpc();
        builder.Services.AddDbContextPool<LicensingDbContext>(o => o.UseNpgsql(dataSource));
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddLicensingModel();
        var app = builder.Build();
        app.MapLicensingGrpc();
        await app.StartAsync();
        return new GrpcTestServer(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
