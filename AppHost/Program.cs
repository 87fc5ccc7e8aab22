using Microsoft.Extensions.Configuration;
using Platform.AppHost;
using Platform.AppHost.Credentials;
using Platform.AppHost.Operations;
using Platform.AppHost.Parameters;
using Platform.AppHost.Projects;
using Platform.AppHost.Servers.Postgres;
using Platform.AppHost.Servers.RabbitMQ;

// --AppHost:Dashboard=false runs without the dashboard (benchmarks, scripts).
var dashboard = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build().GetValue("AppHost:Dashboard", true);
var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args, DisableDashboard = !dashboard });
var settings = PlatformSettings.From(builder.Configuration, builder.AppHostDirectory);
builder.AddPlatformOperations(settings);

// Connection strings given in configuration (ConnectionStrings__licensingdb …) mean servers the operator runs;
// otherwise the AppHost runs a private Postgres and RabbitMQ from Debian's packages.
string[] databases = ["licensingdb", "webhooksdb", "billingdb"];
var postgres = databases.All(name => builder.Configuration.GetConnectionString(name) is { Length: > 0 })
    ? null
    : builder.AddPostgresServer("postgres", settings.DataDir, settings.PostgresPort);
IResourceBuilder<IResourceWithConnectionString> Database(string name) =>
    postgres is null ? builder.AddConnectionString(name) : postgres.AddDatabase(name);
var licensingDb = Database("licensingdb");
var webhooksDb = Database("webhooksdb");
var billingDb = Database("billingdb");
IResourceBuilder<IResourceWithConnectionString> eventBus = builder.Configuration.GetConnectionString("eventbus") is { Length: > 0 }
    ? builder.AddConnectionString("eventbus")
    : builder.AddRabbitMQServer("eventbus", settings.DataDir, settings.RabbitMQPort);

// Generated once and kept in the data folder unless configured (Parameters__identity-secret …).
// The Gateway signs the caller's identity with it; the services verify it.
var identitySecret = builder.AddDataFolderSecret("identity-secret", settings);
// The Gateway checks portal sessions (HS256 JWTs) with it; whatever signs customers in signs with it.
var portalTokenSecret = builder.AddDataFolderSecret("portal-token-secret", settings);
// Validation signs offline license tokens with it (an Ed25519 seed); rotate by adding a new seed before it.
var tokenSigningKey = builder.AddDataFolderSecret("token-signing-key", settings);

// Each service waits for what it cannot start without: its database (migrations run at start) and the broker. Not for
// the services it calls: it reaches them per request and its /health says so until they answer, as after any outage;
// starting them together rather than one after another saves some 15 s of every start (bench/apphost-start.sh).
var licensing = builder.AddService<Projects.Licensing_Service>("licensing", settings, identitySecret)
    .WithHttp2Endpoint("grpc")
    .WithReference(licensingDb).WaitFor(licensingDb)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithCreateTenantCommand();

// First start only: the development tenant's keys (and a benchmark key) in {data}/credentials.json.
builder.AddDevelopmentCredentials("credentials", licensing, settings);

// The Gateway forwards the run-time API to the h2c endpoint: many requests in flight on one HTTP/2 connection
// cost it less than a pool of HTTP/1.1 connections (bench/gateway-validate.sh).
var validation = builder.AddService<Projects.Validation_Service>("validation", settings, identitySecret)
    .WithHttp2Endpoint("h2c")
    .WithEnvironment("Validation__Tokens__SigningKeys__0", tokenSigningKey)
    .WithReference(licensing)
    .WithReference(eventBus).WaitFor(eventBus);

// Local development posts webhooks to receivers on this machine; production refuses loopback addresses.
var webhooks = builder.AddService<Projects.Webhooks_Service>("webhooks", settings, identitySecret)
    .WithEnvironment("Webhooks__AllowLoopback", "true")
    .WithReference(webhooksDb).WaitFor(webhooksDb)
    .WithReference(eventBus).WaitFor(eventBus);

// Stores Stripe's events in billingdb and applies them through Licensing's gRPC commands; no broker needed.
var billing = builder.AddService<Projects.Billing_Service>("billing", settings, identitySecret)
    .WithReference(billingDb).WaitFor(billingDb)
    .WithReference(licensing);

builder.AddService<Projects.Gateway>("gateway", settings, identitySecret, settings.GatewayPort)
    .WithEnvironment("Gateway__PortalTokenSecret", portalTokenSecret)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithReference(licensing)
    .WithReference(validation)
    .WithReference(webhooks)
    .WithReference(billing);

builder.Build().Run();
