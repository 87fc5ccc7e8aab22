using Google.Protobuf;

namespace Platform.ServiceDefaults.Grpc.Server;

/// <summary>A unary method: one request message, one response message.</summary>
internal sealed class UnaryServerMethod<TService, TRequest, TResponse>(
    string methodPath,
    Func<TService, TRequest, ServerCallContext, Task<TResponse>> invoker,
    Func<IServiceProvider, TService> activator) : ServerMethodHandler(methodPath)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    protected override async Task InvokeAsync(GrpcServerCall call, ServerCallContext context)
    {
        var request = await call.ReadSingleRequestAsync(Parser);
        var service = activator(call.HttpContext.RequestServices);
        var response = await invoker(service, request, context)
            ?? throw new RpcException(StatusCode.Internal, "The handler returned no response.");
        await call.WriteMessageAsync(response, flush: false, context.CancellationToken);
    }
}
