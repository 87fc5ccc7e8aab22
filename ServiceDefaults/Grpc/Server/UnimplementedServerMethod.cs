namespace Platform.ServiceDefaults.Grpc.Server;

/// <summary>A method nobody implements (or an unknown path): UNIMPLEMENTED, as a generated base class would answer.</summary>
internal sealed class UnimplementedServerMethod(string methodPath) : ServerMethodHandler(methodPath)
{
    protected override Task InvokeAsync(GrpcServerCall call, ServerCallContext context) =>
        throw new RpcException(StatusCode.Unimplemented, $"Method {call.MethodPath} is unimplemented.");
}
