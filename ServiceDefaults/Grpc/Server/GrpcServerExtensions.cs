using Microsoft.AspNetCore.Routing;
using Platform.ServiceDefaults.Grpc.Health;

namespace Platform.ServiceDefaults.Grpc.Server;

public static class GrpcServerExtensions
{
    /// <summary>Registers the gRPC server and the standard health service.</summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        services.AddOptions<GrpcServerOptions>().Configure(o => configure?.Invoke(o));
        services.AddSingleton<GrpcServiceRegistry>();
        return services;
    }

    /// <summary>
    /// Maps every method of <typeparamref name="TService"/>'s descriptor at <c>/package.Service/Method</c>.
    /// The first call also maps <c>grpc.health.v1.Health</c> and the UNIMPLEMENTED answer for unknown methods.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints) where TService : class, IGrpcService
    {
        return MapService<TService>(endpoints, MapGrpcHealthServiceCore(endpoints));
    }

    /// <summary>Maps <c>grpc.health.v1.Health</c> and the UNIMPLEMENTED answer (once), for a server with no other service yet.</summary>
    public static IEndpointRouteBuilder MapGrpcHealthService(this IEndpointRouteBuilder endpoints)
    {
        MapGrpcHealthServiceCore(endpoints);
        return endpoints;
    }

    private static GrpcServiceRegistry MapGrpcHealthServiceCore(IEndpointRouteBuilder endpoints)
    {
        var registry = endpoints.ServiceProvider.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call services.AddGrpcServer() before mapping gRPC services.");
        if (registry.MarkFirstMapping())
        {
            MapService<HealthService>(endpoints, registry);
            endpoints.MapPost("/{service}/{method}", UnknownMethodAsync).ExcludeFromDescription();
        }

        return registry;
    }

    private static RouteGroupBuilder MapService<TService>(IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry) where TService : class, IGrpcService
    {
        registry.Add(TService.Descriptor.FullName);
        var group = endpoints.MapGroup("");
        foreach (var handler in GrpcServiceBinder.Bind<TService>())
        {
            group.MapPost(handler.MethodPath, handler.HandleAsync).ExcludeFromDescription();
        }

        return group;
    }

    /// <summary>A gRPC request for a path no service has: UNIMPLEMENTED. Anything else stays a 404.</summary>
    private static Task UnknownMethodAsync(HttpContext context)
    {
        if (!GrpcProtocol.IsGrpcContentType(context.Request.ContentType))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return new UnimplementedServerMethod(context.Request.Path).HandleAsync(context);
    }
}
