var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var licensingDb = postgres.AddDatabase("licensingdb");
var webhooksDb = postgres.AddDatabase("webhooksdb");
var billingDb = postgres.AddDatabase("billingdb");

var eventBus = builder.AddRabbitMQ("eventbus");

// The Gateway signs the caller's identity with it; the services verify it.
var identitySecret = builder.AddParameter("identity-secret", secret: true);
// The Gateway checks portal sessions (HS256 JWTs) with it; whatever signs customers in signs with it.
var portalTokenSecret = builder.AddParameter("portal-token-secret", secret: true);

var licensing = builder.AddProject("licensing", "Licensing.Service")
    .WithGrpcEndpoint()
    .WithEnvironment("Platform__IdentitySecret", identitySecret)
    .WithReference(licensingDb).WaitFor(licensingDb)
    .WithReference(eventBus).WaitFor(eventBus);

// First start only: the development tenant's keys (and a benchmark key) in .apphost/credentials.json.
builder.AddDevelopmentCredentials("credentials", licensing)
    .WaitFor(licensing);

// Validation signs offline license tokens with it (an Ed25519 seed); rotate by adding a new seed before it.
var tokenSigningKey = builder.AddParameter("token-signing-key", secret: true);

// The Gateway forwards the run-time API to the h2c endpoint: many requests in flight on one HTTP/2 connection
// cost it less than a pool of HTTP/1.1 connections (bench/gateway-validate.sh).
var validation = builder.AddProject("validation", "Validation.Service")
    .WithHttp2Endpoint("h2c")
    .WithEnvironment("Platform__IdentitySecret", identitySecret)
    .WithEnvironment("Validation__Tokens__SigningKeys__0", tokenSigningKey)
    .WithReference(licensing).WaitFor(licensing)
    .WithReference(eventBus).WaitFor(eventBus);

// Local development posts webhooks to receivers on this machine; production refuses loopback addresses.
var webhooks = builder.AddProject("webhooks", "Webhooks.Service")
    .WithEnvironment("Platform__IdentitySecret", identitySecret)
    .WithEnvironment("Webhooks__AllowLoopback", "true")
    .WithReference(webhooksDb).WaitFor(webhooksDb)
    .WithReference(eventBus).WaitFor(eventBus);

// Stores Stripe's events in billingdb and applies them through Licensing's gRPC commands; no broker needed.
var billing = builder.AddProject("billing", "Billing.Service")
    .WithEnvironment("Platform__IdentitySecret", identitySecret)
    .WithReference(billingDb).WaitFor(billingDb)
    .WithReference(licensing).WaitFor(licensing);

builder.AddProject("gateway", "Gateway")
    .WithHttpEndpoint(port: builder.Options.GatewayPort)
    .WithEnvironment("Platform__IdentitySecret", identitySecret)
    .WithEnvironment("Gateway__PortalTokenSecret", portalTokenSecret)
    .WithReference(eventBus).WaitFor(eventBus)
    .WithReference(licensing).WaitFor(licensing)
    .WithReference(validation).WaitFor(validation)
    .WithReference(webhooks).WaitFor(webhooks)
    .WithReference(billing).WaitFor(billing);

builder.Build().Run();
