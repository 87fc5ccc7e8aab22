using Google.Protobuf;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Platform.ServiceDefaults.Grpc.Client;

/// <summary>A method of a .proto service as the client calls it: its path and its message types, checked against the generated descriptor.</summary>
public sealed class Method<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>, new()
{
    internal Method(MethodDescriptor descriptor)
    {
        if (descriptor.InputType.ClrType != typeof(TRequest) || descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException($"{descriptor.FullName} takes {descriptor.InputType.ClrType.Name} and returns {descriptor.OutputType.ClrType.Name}.");
        }

        Descriptor = descriptor;
        Path = $"/{descriptor.Service.FullName}/{descriptor.Name}";
    }

    public MethodDescriptor Descriptor { get; }

    /// <summary><c>/package.Service/Method</c>.</summary>
    public string Path { get; }

    public MessageParser<TResponse> ResponseParser { get; } = new(() => new TResponse());
}

public static class Method
{
    /// <summary>The method <paramref name="name"/> of a generated service descriptor, with its message types checked.</summary>
    public static Method<TRequest, TResponse> From<TRequest, TResponse>(ServiceDescriptor service, string name)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        new(service.FindMethodByName(name) ?? throw new ArgumentException($"{service.FullName} has no method {name}.", nameof(name)));
}
