using Grpc.Core;
using Grpc.Core.Interceptors;
using Platform.ServiceDefaults.Identity;

namespace Platform.Licensing.Grpc;

/// <summary>
/// Every call to <c>licensing.v1.Licensing</c> must say who is calling: a valid service credential, a valid Gateway-signed
/// caller identity, or both. None, or a bad one, is UNAUTHENTICATED; a caller the method is not for is PERMISSION_DENIED
/// (<see cref="MethodAccess"/>). The caller is then in <see cref="ServerCallContext.UserState"/> for the tenant checks of
/// the methods (<see cref="GrpcCaller.RequireTenant"/>).
/// </summary>
internal sealed class CallAuthentication(ServiceCredentialVerifier services, IdentityVerifier identities, TimeProvider clock) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var caller = Authenticate(context);
        MethodAccess.Authorize(caller, MethodName(context.Method));
        context.UserState[typeof(GrpcCaller)] = caller;
        return continuation(request, context);
    }

    private GrpcCaller Authenticate(ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var serviceToken = context.RequestHeaders.GetValue(ServiceCredential.MetadataKey);
        var identityToken = context.RequestHeaders.GetValue(IdentityToken.MetadataKey);
        var service = serviceToken is null ? null : services.Verify(serviceToken, now) ?? throw Unauthenticated("The service credential is invalid or expired.");
        var identity = identityToken is null ? null : identities.Verify(identityToken, now) ?? throw Unauthenticated("The caller identity is invalid or expired.");
        return service is null && identity is null
            ? throw Unauthenticated($"A service credential ({ServiceCredential.MetadataKey}) or a caller identity ({IdentityToken.MetadataKey}) is required.")
            : new GrpcCaller(service, identity);
    }

    /// <summary>The method's name from its path (<c>/licensing.v1.Licensing/GetLicenseByKey</c>).</summary>
    internal static string MethodName(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static RpcException Unauthenticated(string message) => new(new Status(StatusCode.Unauthenticated, message));
}
