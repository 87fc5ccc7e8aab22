using Grpc.Core;
using Platform.ServiceDefaults.Identity;

namespace Platform.Licensing.Grpc;

/// <summary>
/// Who made a call to <c>licensing.v1.Licensing</c>: one of the platform's services (its <see cref="ServiceCredential"/>),
/// a tenant's caller as the Gateway signed it (<see cref="CallerIdentity"/>), or both, when a service acts for a caller.
/// A call with an identity is confined to that identity's tenant and environment.
/// </summary>
internal sealed record GrpcCaller(string? Service, CallerIdentity? Identity)
{
    public static GrpcCaller Of(ServerCallContext context) =>
        context.UserState.TryGetValue(typeof(GrpcCaller), out var caller) && caller is GrpcCaller known
            ? known
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "The call was not authenticated."));

    /// <summary>PERMISSION_DENIED unless the caller may act in this tenant and environment.</summary>
    public void RequireTenant(string tenantId, string environment)
    {
        if (Identity is { } identity && (identity.TenantId != tenantId || identity.Environment != environment))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "This license belongs to another tenant or environment than the caller's."));
        }
    }
}
