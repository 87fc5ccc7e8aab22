using Grpc.Core;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Identity;

namespace Platform.Licensing.Grpc;

/// <summary>
/// Which caller each method of <c>licensing.v1.Licensing</c> is for. A service may call only the methods of its role; a
/// tenant's caller (a signed identity without a service credential) the run-time methods with the <c>validate</c> or
/// <c>admin</c> scope and the license commands with <c>admin</c>, never key lookups or usage reports, which are the
/// platform's own bookkeeping.
/// </summary>
internal static class MethodAccess
{
    public const string Gateway = "gateway";
    public const string Validation = "validation";
    public const string Billing = "billing";

    private static readonly HashSet<string> RunTime = new(StringComparer.Ordinal)
    {
        "GetLicenseByKey", "GetLicensesByKeys", "Activate", "Deactivate", "BindDomain", "CheckoutSeat", "HeartbeatSeat", "CheckinSeat",
    };

    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal)
    {
        "CreateLicense", "RenewLicense", "SuspendLicense", "ReinstateLicense", "RevokeLicense", "ChangeLicensePlan",
    };

    public static void Authorize(GrpcCaller caller, string method)
    {
        if (caller.Service is { } service ? !ServiceMay(service, method) : !IdentityMay(caller.Identity!, method))
        {
            var who = caller.Service is { } name ? $"the {name} service" : "a tenant's caller";
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"{method} may not be called by {who}."));
        }
    }

    private static bool ServiceMay(string service, string method) => service switch
    {
        Gateway => method == "ResolveApiKey",
        Validation => RunTime.Contains(method) || method == "RecordUsage",
        Billing => Commands.Contains(method),
        _ => false,
    };

    private static bool IdentityMay(CallerIdentity identity, string method) =>
        (RunTime.Contains(method) && (identity.HasScope(ApiKey.ValidateScope) || identity.HasScope(ApiKey.AdminScope)))
        || (Commands.Contains(method) && identity.HasScope(ApiKey.AdminScope));
}
