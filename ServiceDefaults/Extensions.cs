using Microsoft.AspNetCore.Hosting;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Health;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Json;
using Platform.ServiceDefaults.OpenApi;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults;

/// <summary>The defaults every service of the platform starts with, in the shape of Aspire's ServiceDefaults.</summary>
public static class Extensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddErrorResponses();
        builder.AddDefaultOpenApi();
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<IPostConfigureOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>, RequestNaming.Setup>();
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapDefaultOpenApi();
        return app;
    }

    private static void AddErrorResponses(this IHostApplicationBuilder builder)
    {
        // Unreadable or missing bodies surface as BadHttpRequestException, which the error
        // middleware turns into the platform's error format instead of an empty 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddSingleton<IStartupFilter, ErrorResponseStartupFilter>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Diagnostics.IDeveloperPageExceptionFilter, RethrowDeveloperPageFilter>();
        // The developer page logs every exception it sees as an unhandled error, a client's malformed body too, before
        // handing it back; the error middleware logs each by what it is (a client's mistake at Information, a fault as an error).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Diagnostics.DeveloperExceptionPageMiddleware", LogLevel.None);
    }
}
