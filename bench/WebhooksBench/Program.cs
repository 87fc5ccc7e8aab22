// Delivers N license events (default 10,000) from RabbitMQ through Webhooks.Service to a local receiver and
// checks that every event arrived exactly once with a valid signature.
//   dotnet WebhooksBench.dll <path/to/Webhooks.Service.dll> [events] [replicas]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Platform.AppHost.Operations;
using Platform.AppHost.Servers.Postgres;
using Platform.AppHost.Servers.RabbitMQ;
using Platform.Bench.Webhooks;
using Platform.Contracts.Events;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Messaging;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: WebhooksBench <Webhooks.Service.dll> [events] [replicas]");
    return 2;
}

var serviceDll = Path.GetFullPath(args[0]);
var total = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var replicas = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;

var dataDir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "webhooks-bench-" + Guid.NewGuid().ToString("N")[..10])).FullName;
// The AppHost's own Postgres and RabbitMQ resources, without the dashboard; the AppHost assembly says where DCP is.
var infrastructure = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    Args = [],
    DisableDashboard = true,
    AssemblyName = typeof(Platform.AppHost.PlatformSettings).Assembly.GetName().Name,
}).AddGracefulStop();
var webhooksDb = infrastructure.AddPostgresServer("postgres", dataDir, port: 0).AddDatabase("webhooksdb").Resource;
var rabbit = infrastructure.AddRabbitMQServer("eventbus", dataDir, 0).Resource;
await using var app = infrastructure.Build();
using (var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
{
    await app.StartAsync(deadline.Token);
    await app.ResourceNotifications.WaitForResourceHealthyAsync("webhooksdb", deadline.Token);
    await app.ResourceNotifications.WaitForResourceHealthyAsync("eventbus", deadline.Token);
}

var services = new List<ServiceProcess>();
try
{
    var eventBus = (await rabbit.ConnectionStringExpression.GetValueAsync(CancellationToken.None))!;
    var identitySecret = RandomNumberGenerator.GetBytes(32);
    var environment = new Dictionary<string, string>
    {
        ["ConnectionStrings__webhooksdb"] = (await webhooksDb.ConnectionStringExpression.GetValueAsync(CancellationToken.None))!,
        ["ConnectionStrings__eventbus"] = eventBus,
        ["Platform__IdentitySecret"] = Convert.ToBase64String(identitySecret),
        ["Webhooks__AllowLoopback"] = "true",
        ["Logging__LogLevel__Default"] = "Warning",
    };
    for (var i = 0; i < replicas; i++)
    {
        services.Add(await ServiceProcess.StartAsync(serviceDll, environment));
    }

    var secret = "";
    await using var receiver = await CountingReceiver.StartAsync(() => secret);
    const string tenant = "ten_bench";
    using var client = new HttpClient { BaseAddress = services[0].Address };
    client.DefaultRequestHeaders.Add(IdentityToken.HeaderName,
        IdentityToken.Sign(new CallerIdentity(tenant, "test", ["admin"], "key_bench", "enterprise"), identitySecret, DateTimeOffset.UtcNow));
    var created = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = (List<string>)["*"] });
    created.EnsureSuccessStatusCode();
    secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

    var bus = await StartPublisherAsync(eventBus);
    var events = Enumerable.Range(0, total).Select(i => LicenseEventFor(tenant, i)).ToList();
    Console.WriteLine($"cores: {Environment.ProcessorCount}; {replicas} Webhooks.Service replica(s); publishing {total} events");
    var clock = Stopwatch.StartNew();
    foreach (var chunk in events.Chunk(200))
    {
        await Task.WhenAll(chunk.Select(e => bus.Publish(e, context => context.MessageId = e.EventId)));
    }

    var published = clock.Elapsed;
    var deadline = DateTime.UtcNow.AddMinutes(10);
    while (receiver.PerEvent.Count < total && DateTime.UtcNow < deadline)
    {
        await Task.Delay(20);
    }

    var delivered = clock.Elapsed;
    // Anything sent twice would arrive shortly after; give it the time to.
    await Task.Delay(TimeSpan.FromSeconds(3));
    var expected = events.Select(e => e.EventId.ToString()).ToHashSet();
    var lost = expected.Count(id => !receiver.PerEvent.ContainsKey(id));
    var doubled = receiver.PerEvent.Values.Count(n => n > 1);
    var strangers = receiver.PerEvent.Keys.Count(id => !expected.Contains(id));
    Console.WriteLine($"published in {published.TotalSeconds:0.00} s; all delivered after {delivered.TotalSeconds:0.00} s");
    Console.WriteLine($"deliveries/s: {total / delivered.TotalSeconds:0}");
    Console.WriteLine($"lost: {lost}; delivered twice: {doubled}; unexpected: {strangers}; bad signatures: {receiver.BadSignatures}");
    await bus.StopAsync();
    return lost == 0 && doubled == 0 && strangers == 0 && receiver.BadSignatures == 0 ? 0 : 1;
}
finally
{
    foreach (var service in services)
    {
        await service.DisposeAsync();
    }

    await app.StopAsync();
    Directory.Delete(dataDir, recursive: true);
}

static LicenseEvent LicenseEventFor(string tenant, int n)
{
    var id = Guid.CreateVersion7();
    var licenseId = $"lic_bench{n:D8}";
    var now = DateTimeOffset.UtcNow;
    var payload = JsonSerializer.Serialize(new
    {
        id, type = "license.created", created = now, tenant, environment = "test", license_id = licenseId, version = 1,
        data = new { id = licenseId, status = "active", type = "subscription" },
    });
    return new LicenseEvent(id, "license.created", tenant, "test", licenseId, 1, now, payload);
}

static async Task<IBusControl> StartPublisherAsync(string amqp)
{
    var broker = AmqpAddress.Parse(amqp);
    var services = new ServiceCollection();
    services.AddMassTransit(bus => bus.UsingRabbitMq((_, rabbit) =>
        rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host => { host.Username(broker.Username); host.Password(broker.Password); })));
    var provider = services.BuildServiceProvider();
    var control = provider.GetRequiredService<IBusControl>();
    await control.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
    return control;
}
