using System.Net;
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
using Platform.Licensing.Grpc;
using Platform.Licensing.Infrastructure;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Grpc.Client;
using Platform.ServiceDefaults.Grpc.Server;

namespace Platform.Testing;

/// <summary>Licensing's gRPC service on real Kestrel (HTTP/2 cleartext) over a test database, with our client.</summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly GrpcChannel channel;

    private GrpcTestServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
        channel = GrpcChannel.ForAddress(address);
        Invoker = channel.CreateCallInvoker();
    }

    public Uri Address { get; }
    public CallInvoker Invoker { get; }

    /// <param name="port">0 for any free port; a fixed one to start a server again where its clients expect it.</param>
    public static async Task<GrpcTestServer> StartAsync(NpgsqlDataSource dataSource, int port = 0)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.Services.AddGrpcServer();
        builder.Services.AddDbContextPool<LicensingDbContext>(o => o.UseNpgsql(dataSource));
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddLicensingModel();
        var app = builder.Build();
        app.MapGrpcService<LicensingGrpcService>();
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
