using MassTransit;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Platform.Gateway.Auth;
using Platform.Gateway.Docs;
using Platform.Gateway.IntegrationEvents;
using Platform.Gateway.OpenApi;
using Platform.Gateway.Routing;
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
        builder.Services.AddOptions<GatewayOptions>().Bind(builder.Configuration.GetSection(GatewayOptions.SectionName))
            .Validate(o => o.ApiVersions.Count > 0, "Gateway:ApiVersions must name at least one API version (YYYY-MM-DD).").ValidateOnStart();
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.SectionName));
        builder.Services.Configure<KestrelServerOptions>(k =>
        {
            k.AddServerHeader = false;
            // Kestrel refuses a longer request line itself, with an empty 414; below this, RequestTargetLimit answers.
            k.Limits.MaxRequestLineSize = RequestTargetLimit.KestrelLineLimit;
            k.Limits.MaxRequestBodySize = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>()?.MaxRequestBodySize
                ?? new GatewayOptions().MaxRequestBodySize;
        });
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
        // The only scheme, yet not the default one (SuppressAutoDefaultScheme in Gateway.csproj): see there.
        builder.Services.AddAuthentication().AddJwtBearer(PortalTokens.Scheme, _ => { });
        builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>(PortalTokens.Scheme)
            .Configure<PortalTokens>((options, tokens) => tokens.Configure(options));
        builder.Services.AddSingleton<CallerRateLimits>();
        // Routes and clusters from the ReverseProxy section; destinations such as http://_h2c.validation through service discovery.
        builder.Services.AddServiceDiscovery();
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms<GatewayTransforms>();
        builder.Services.AddSingleton<PublicApiDocument>();
        // The check that CORS ran for every endpoint with CORS metadata would refuse the requests without Origin,
        // which skip it (see MapGateway); the Gateway has no endpoint with ASP.NET authorization metadata.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteOptions>(routing => routing.SuppressCheckForUnhandledSecurityMetadata = true);
        builder.Services.AddCors(cors => cors.AddPolicy(ValidationCors, policy => policy
            .AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod()
            .WithExposedHeaders("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After", RequestIdMiddleware.Header)));
    }

    /// <summary>
    /// The Gateway's pipeline and endpoints: request id, docs, routing, CORS, then YARP's routes, whose own pipeline
    /// authenticates the caller and counts it against its rate limit, then balances, and answers a failed forward in the error format.
    /// </summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<RequestTargetLimit>();
        app.UseRouting();
        // CORS only for requests from a browser page (they carry Origin; preflights too): without Origin the CORS
        // middleware has nothing to do, yet it would still allocate the request's Items to mark that it ran.
        app.UseWhen(context => context.Request.Headers.Origin.Count > 0, browser => browser.UseCors());

        app.MapDefaultEndpoints();
        app.MapGet(PublicApiDocument.Path, async (PublicApiDocument document, CancellationToken cancellationToken) =>
            Results.Text(await document.GetAsync(cancellationToken), "application/json; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapDocs();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<CallerAuthentication>();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
            proxy.UseMiddleware<UpstreamErrors>();
        }).ConfigureEndpoints((endpoint, route) => endpoint.WithMetadata(RouteAccess.For(route)));
        return app;
    }
}
