using System.Reflection;
using Google.Protobuf.Reflection;

namespace Platform.ServiceDefaults.Grpc.Server;

/// <summary>Builds a handler for every method of a service descriptor from the class that implements it.</summary>
internal static class GrpcServiceBinder
{
    public static IEnumerable<ServerMethodHandler> Bind<TService>() where TService : class, IGrpcService
    {
        var descriptor = TService.Descriptor;
        var factory = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);
        Func<IServiceProvider, TService> activator = services => services.GetService<TService>() ?? (TService)factory(services, null);
        foreach (var method in descriptor.Methods)
        {
            yield return BindMethod(method, activator);
        }
    }

    public static string PathOf(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    private static ServerMethodHandler BindMethod<TService>(MethodDescriptor method, Func<IServiceProvider, TService> activator)
    {
        var path = PathOf(method);
        var request = method.InputType.ClrType;
        var response = method.OutputType.ClrType;
        if (method.IsClientStreaming)
        {
            return new UnimplementedServerMethod(path);
        }

        if (method.IsServerStreaming)
        {
            var writer = typeof(IServerStreamWriter<>).MakeGenericType(response);
            var streaming = Find(typeof(TService), method.Name, typeof(Task), request, writer, typeof(ServerCallContext));
            return streaming is null
                ? new UnimplementedServerMethod(path)
                : Create(typeof(ServerStreamingServerMethod<,,>), typeof(Func<,,,,>), streaming, path, activator,
                    [typeof(TService), request, writer, typeof(ServerCallContext), typeof(Task)], request, response);
        }

        var returns = typeof(Task<>).MakeGenericType(response);
        var unary = Find(typeof(TService), method.Name, returns, request, typeof(ServerCallContext));
        return unary is null
            ? new UnimplementedServerMethod(path)
            : Create(typeof(UnaryServerMethod<,,>), typeof(Func<,,,>), unary, path, activator,
                [typeof(TService), request, typeof(ServerCallContext), returns], request, response);
    }

    private static ServerMethodHandler Create<TService>(Type handlerType, Type funcType, MethodInfo method, string path,
        Func<IServiceProvider, TService> activator, Type[] signature, Type request, Type response)
    {
        var invoker = method.CreateDelegate(funcType.MakeGenericType(signature));
        var handler = handlerType.MakeGenericType(typeof(TService), request, response);
        return (ServerMethodHandler)Activator.CreateInstance(handler, path, invoker, activator)!;
    }

    private static MethodInfo? Find(Type service, string name, Type returns, params Type[] parameters)
    {
        var method = service.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters);
        return method is not null && method.ReturnType == returns ? method : null;
    }
}
