namespace Platform.Grpc.Tests;

/// <summary>The typed client of interop.v1.Echo, as a service's typed client would be written.</summary>
public sealed class EchoClient(CallInvoker invoker)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = InteropReflection.Descriptor.Services[0];
    private static readonly Method<EchoRequest, EchoReply> UnaryMethod = Method.From<EchoRequest, EchoReply>(Service, "Unary");
    private static readonly Method<StreamRequest, EchoReply> StreamMethod = Method.From<StreamRequest, EchoReply>(Service, "Stream");
    private static readonly Method<EchoRequest, EchoReply> MissingMethod = Method.From<EchoRequest, EchoReply>(Service, "Missing");

    public AsyncUnaryCall<EchoReply> UnaryAsync(EchoRequest request, CallOptions options = default) => invoker.UnaryAsync(UnaryMethod, request, options);

    public AsyncServerStreamingCall<EchoReply> Stream(StreamRequest request, CallOptions options = default) => invoker.ServerStreaming(StreamMethod, request, options);

    public AsyncUnaryCall<EchoReply> MissingAsync(EchoRequest request, CallOptions options = default) => invoker.UnaryAsync(MissingMethod, request, options);
}
