using Google.Protobuf;

namespace Platform.ServiceDefaults.Grpc.Server;

/// <summary>A server-streaming method: one request message, any number of response messages.</summary>
internal sealed class ServerStreamingServerMethod<TService, TRequest, TResponse>(
    string methodPath,
    Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker,
    Func<IServiceProvider, TService> activator) : ServerMethodHandler(methodPath)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    protected override async Task InvokeAsync(GrpcServerCall call, ServerCallContext context)
    {
        var request = await call.ReadSingleRequestAsync(Parser);
        var service = activator(call.HttpContext.RequestServices);
        await invoker(service, request, new Writer(call, context), context);
    }

    private sealed class Writer(GrpcServerCall call, ServerCallContext context) : IServerStreamWriter<TResponse>
    {
        public Task WriteAsync(TResponse message, CancellationToken cancellationToken = default) =>
            call.WriteMessageAsync(message, flush: true, cancellationToken.CanBeCanceled ? cancellationToken : context.CancellationToken);
    }
}
