using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Platform.Licensing.Grpc;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.IntegrationEvents;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Input;

namespace Platform.Licensing.Extensions;

/// <summary>The composition root of Licensing.Service.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRequestInputChecks();
        builder.AddLicensingDatabase();
        builder.AddEventBus();
        builder.AddCallerIdentity();
        builder.AddLicensingGrpc();
        builder.Services.AddLicensingModel();
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddHostedService<OutboxMetrics>();
        var scanSeconds = builder.Configuration.GetValue("Licensing:ExpiryScanSeconds", 30);
        builder.Services.AddHostedService(services => new ExpiryScanner(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<ILogger<ExpiryScanner>>())
        {
            Interval = TimeSpan.FromSeconds(Math.Max(1, scanSeconds)),
        });
        var foldSeconds = builder.Configuration.GetValue("Licensing:UsageFoldSeconds", 10.0);
        builder.Services.AddHostedService(services => new UsageFolder(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<ILogger<UsageFolder>>())
        {
            Interval = TimeSpan.FromSeconds(Math.Max(0.1, foldSeconds)),
        });
        builder.Services.AddSingleton(RetentionPolicy.From(builder.Configuration));
        var sweepMinutes = builder.Configuration.GetValue("Licensing:RetentionSweepMinutes", 60.0);
        builder.Services.AddHostedService(services => new RetentionSweeper(
            services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<RetentionPolicy>(), services.GetRequiredService<ILogger<RetentionSweeper>>())
        {
            Interval = TimeSpan.FromMinutes(Math.Max(1, sweepMinutes)),
        });
    }

    /// <summary>
    /// The gRPC server (<c>Grpc.AspNetCore</c>): <c>licensing.v1.Licensing</c> behind <see cref="CallMetrics"/> and <see cref="CallAuthentication"/>,
    /// <c>grpc.health.v1.Health</c> answering from the readiness checks, and server reflection in Development.
    /// </summary>
    public static void AddLicensingGrpc(this IHostApplicationBuilder builder)
    {
        builder.AddCallerIdentity();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CallMetrics>();
        builder.Services.AddSingleton<SnapshotReads>();
        builder.Services.AddGrpc().AddServiceOptions<LicensingGrpcService>(o =>
        {
            o.Interceptors.Add<CallMetrics>();
            o.Interceptors.Add<CallAuthentication>();
        });
        builder.Services.AddGrpcHealthChecks();
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddGrpcReflection();
        }
    }

    public static void MapLicensingGrpc(this WebApplication app)
    {
        app.MapGrpcService<LicensingGrpcService>();
        app.MapGrpcHealthChecksService();
        if (app.Environment.IsDevelopment())
        {
            app.MapGrpcReflectionService();
        }
    }

    /// <summary>The model's services over the database context (tests host them without the rest of the service).</summary>
    public static IServiceCollection AddLicensingModel(this IServiceCollection services) => services
        .AddScoped<TenantProvisioning>()
        .AddScoped<Activations>()
        .AddScoped<Seats>()
        .AddScoped<DomainBindings>()
        .AddScoped<UsageRecorder>()
        .AddScoped<ValidationFailureNotices>()
        .AddScoped<LicenseIssuer>()
        .AddScoped<LicenseCommands>();
}
