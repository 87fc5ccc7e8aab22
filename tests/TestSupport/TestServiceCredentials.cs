using Grpc.Core;
using Grpc.Core.Interceptors;
using Platform.Licensing.Grpc;
using Platform.ServiceDefaults.Identity;

namespace Platform.Testing;

/// <summary>
/// Signs each test call to <c>licensing.v1.Licensing</c> as the service whose role the method belongs to
/// (<see cref="MethodAccess.ServiceFor"/>), so tests of the methods pass Licensing's real
/// authentication; a test of authentication itself sends its own headers and no credential from here.
/// </summary>
public sealed class TestServiceCredentials(byte[] secret) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var headers = context.Options.Headers ?? [];
        if (headers.Get(ServiceCredential.MetadataKey) is null && headers.Get(IdentityToken.MetadataKey) is null)
        {
            headers.Add(ServiceCredential.MetadataKey, ServiceCredential.Sign(MethodAccess.ServiceFor(context.Method.Name) ?? "unknown", secret, DateTimeOffset.UtcNow));
        }

        var options = context.Options.WithHeaders(headers);
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options));
    }
}
