using MassTransit;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Platform.Gateway.Auth;
using Platform.Gateway.IntegrationEvents;
using Platform.Gateway.OpenApi;
using Platform.Gateway.Proxy;
using Platform.Gateway.RateLimiting;
using Platform.ServiceDefaults.Configuration;
using Platform.ServiceDefaults.ServiceCalls;
using LicensingGrpc = Platform.Protos.Licensing.V1.Licensing;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Gateway.Extensions;

/// <summary>The composition root of Gateway.</summary>
internal static class Extensions
{
    public const string ValidationCors = "validation";
    private static readonly string[] Upstreams = ["licensing", "validation", "webhooks", "billing"];

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.SectionName));
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.SectionName));
        builder.Services.Configure<KestrelServerOptions>(k => k.AddServerHeader = false);
        builder.Services.AddSingleton(TimeProvider.System);

        builder.AddCallerIdentity();
        builder.AddServiceCredential("gateway");
        builder.AddGrpcServiceReference("licensing");
        builder.AddGrpcServiceClient<LicensingGrpc.LicensingClient>("licensing", LicensingGrpc.Descriptor.FullName, LicensingClient.RetriedMethods);
        builder.Services.AddSingleton<LicensingClient>();
        foreach (var upstream in Upstreams)
        {
            builder.AddServiceReference(upstream);
        }

        builder.AddEventBus(bus => bus.AddConsumer<ApiKeyRevokedConsumer>().Endpoint(e =>
        {
            // One auto-delete queue per replica: every replica must hear every revocation.
            e.Temporary = true;
            e.InstanceId = Guid.NewGuid().ToString("N")[..12];
        }));

        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddSingleton<PortalTokens>();
        builder.Services.AddSingleton(sp => CallerRateLimiter.CreateLimiter(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value));
        builder.Services.AddSingleton<HttpForwarder>();
        builder.Services.AddSingleton<PublicApiDocument>();
        // The check that CORS ran for every endpoint with CORS metadata would refuse the requests without Origin,
        // which skip it (see MapGateway); the Gateway has no endpoint with ASP.NET authorization metadata.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteOptions>(routing => routing.SuppressCheckForUnhandledSecurityMetadata = true);
        builder.Services.AddCors(cors => cors.AddPolicy(ValidationCors, policy => policy
            .AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod()
            .WithExposedHeaders("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After", HttpForwarder.RequestIdHeader)));
    }

    /// <summary>The Gateway's pipeline and endpoints: request id, docs, routing, CORS, authentication, rate limits, the proxy routes.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        // Only /docs… passes through the Swagger UI's middleware (a regex and a static-file lookup), not every API call.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase), docs => docs.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "docs";
            ui.DocumentTitle = "License platform API";
            ui.SwaggerEndpoint(PublicApiDocument.Path, "License platform API");
        }));
        app.UseRouting();
        // CORS only for requests from a browser page (they carry Origin; preflights too): without Origin the CORS
        // middleware has nothing to do, yet it would still allocate the request's Items to mark that it ran.
        app.UseWhen(context => context.Request.Headers.Origin.Count > 0, browser => browser.UseCors());
        app.UseMiddleware<CallerAuthentication>();
        app.UseMiddleware<CallerRateLimiter>();

        app.MapDefaultEndpoints();
        app.MapGet(PublicApiDocument.Path, async (PublicApiDocument document, CancellationToken cancellationToken) =>
            Results.Text(await document.GetAsync(cancellationToken), "application/json; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapProxyRoutes();
        return app;
    }
}
