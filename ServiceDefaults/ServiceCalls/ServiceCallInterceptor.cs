using Grpc.Core;
using Grpc.Core.Interceptors;
using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults.ServiceCalls;

/// <summary>
/// Every outgoing gRPC call says who is calling (this service's <see cref="ServiceCredential"/>) and has a deadline: a
/// call made without one gets <see cref="DefaultDeadline"/>, so no call waits forever on a peer that stopped answering.
/// </summary>
internal sealed class ServiceCallInterceptor(ServiceCredentialSource credential) : Interceptor
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var options = context.Options;
        var headers = options.Headers ?? [];
        headers.Add(ServiceCredential.MetadataKey, credential.Current);
        options = options.WithHeaders(headers);
        if (options.Deadline is null)
        {
            options = options.WithDeadline(DateTime.UtcNow + DefaultDeadline);
        }

        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options));
    }
}
