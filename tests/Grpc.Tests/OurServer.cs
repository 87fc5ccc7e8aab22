using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults;

namespace Platform.Grpc.Tests;

/// <summary>Our gRPC server on real Kestrel, HTTP/2 cleartext on a free loopback port, serving Echo and Health.</summary>
public sealed class OurServer : IAsyncLifetime
{
    private WebApplication app = null!;

    public EchoProbe Probe { get; } = new();
    public Uri Address { get; private set; } = null!;
    public int MaxReceiveMessageSize { get; init; } = 16 * 1024 * 1024;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.Services.AddSingleton(Probe);
        builder.Services.AddGrpcServer(o => o.MaxReceiveMessageSize = MaxReceiveMessageSize);
        app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGrpcService<EchoService>();
        await app.StartAsync();
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public EchoClient CreateClient(GrpcChannelOptions? options = null) =>
        new(GrpcChannel.ForAddress(Address, options ?? new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 }).CreateCallInvoker());

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
