using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Licensing.Extensions;
using Platform.Licensing.Grpc;
using Platform.Licensing.Infrastructure;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Grpc.Client;
using Platform.ServiceDefaults.Grpc.Server;

namespace Platform.Licensing.Tests;

/// <summary>Licensing's gRPC service on real Kestrel (HTTP/2 cleartext) over a test database, with our client.</summary>
internal sealed class GrpcTestServer(WebApplication app, GrpcChannel channel) : IAsyncDisposable
{
    public CallInvoker Invoker { get; } = channel.CreateCallInvoker();

    public static async Task<GrpcTestServer> StartAsync(Database database)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.Services.AddGrpcServer();
        builder.Services.AddDbContextPool<LicensingDbContext>(o => o.UseNpgsql(database.DataSource));
        builder.Services.AddSingleton(database.DataSource);
        builder.Services.AddLicensingModel();
        var app = builder.Build();
        app.MapGrpcService<LicensingGrpcService>();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new GrpcTestServer(app, GrpcChannel.ForAddress(address));
    }

    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
