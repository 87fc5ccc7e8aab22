using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Platform.ServiceDefaults.Grpc.Server;

/// <summary>
/// A class implementing the methods of one .proto service. Its methods are matched by name to the
/// service's descriptor, in the shapes Grpc.AspNetCore's generated base classes use:
/// <c>Task&lt;TResponse&gt; Name(TRequest, ServerCallContext)</c> for unary and
/// <c>Task Name(TRequest, IServerStreamWriter&lt;TResponse&gt;, ServerCallContext)</c> for server streaming.
/// A method of the descriptor without an implementation answers UNIMPLEMENTED.
/// </summary>
public interface IGrpcService
{
    /// <summary>The service from the generated code, for example <c>HealthReflection.Descriptor.Services[0]</c>.</summary>
    static abstract ServiceDescriptor Descriptor { get; }
}
