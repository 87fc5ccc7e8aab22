using Grpc.Core;
using Grpc.Core.Interceptors;
using Platform.ServiceDefaults.Identity;

namespace Platform.Testing;

/// <summary>
/// Signs each test call to <c>licensing.v1.Licensing</c> as the service whose role the method belongs to (the Gateway
/// resolves keys, Billing sends commands, Validation the rest), so tests of the methods pass Licensing's real
/// authentication; a test of authentication itself sends its own headers and no credential from here.
/// </summary>
public sealed class TestServiceCredentials(byte[] secret) : Interceptor
{
    private static readonly HashSet<string> BillingMethods = new(StringComparer.Ordinal)
    {
        "CreateLicense", "RenewLicense", "SuspendLicense", "ReinstateLicense", "RevokeLicense", "ChangeLicensePlan",
    };

    public static string ServiceOf(string method) =>
        method == "ResolveApiKey" ? "gateway" : BillingMethods.Contains(method) ? "billing" : "validation";

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var headers = context.Options.Headers ?? [];
        if (headers.Get(ServiceCredential.MetadataKey) is null && headers.Get(IdentityToken.MetadataKey) is null)
        {
            headers.Add(ServiceCredential.MetadataKey, ServiceCredential.Sign(ServiceOf(context.Method.Name), secret, DateTimeOffset.UtcNow));
        }

        var options = context.Options.WithHeaders(headers);
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options));
    }
}
