using Grpc.Core;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Identity;

namespace Platform.Licensing.Grpc;

/// <summary>
/// Which caller each method of <c>licensing.v1.Licensing</c> is for. A service may call only the methods of its role
/// (<see cref="ServiceFor"/>); a tenant's caller (a signed identity without a service credential) the run-time methods
/// with the <c>validate</c> or <c>admin</c> scope and the license commands with <c>admin</c>, never key lookups or usage
/// reports, which are the platform's own bookkeeping.
/// </summary>
internal static class MethodAccess
{
    private const string Gateway = "gateway";
    private const string Validation = "validation";
    private const string Billing = "billing";
    private const string RecordUsage = "RecordUsage";

    private static readonly Dictionary<string, string> Roles = new(StringComparer.Ordinal)
    {
        ["ResolveApiKey"] = Gateway,
        ["GetLicenseByKey"] = Validation,
        ["GetLicensesByKeys"] = Validation,
        ["Activate"] = Validation,
        ["Deactivate"] = Validation,
        ["BindDomain"] = Validation,
        ["CheckoutSeat"] = Validation,
        ["HeartbeatSeat"] = Validation,
        ["CheckinSeat"] = Validation,
        [RecordUsage] = Validation,
        ["CreateLicense"] = Billing,
        ["RenewLicense"] = Billing,
        ["SuspendLicense"] = Billing,
        ["ReinstateLicense"] = Billing,
        ["RevokeLicense"] = Billing,
        ["ChangeLicensePlan"] = Billing,
    };

    /// <summary>The service whose role <paramref name="method"/> belongs to; null for a method this table does not know.</summary>
    public static string? ServiceFor(string method) => Roles.GetValueOrDefault(method);

    public static void Authorize(GrpcCaller caller, string method)
    {
        var allowed = caller.Service is { } service ? ServiceFor(method) == service : IdentityMay(caller.Identity!, method);
        if (!allowed)
        {
            var who = caller.Service is { } name ? $"the {name} service" : "a tenant's caller";
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"{method} may not be called by {who}."));
        }
    }

    private static bool IdentityMay(CallerIdentity identity, string method) => ServiceFor(method) switch
    {
        Validation when method != RecordUsage => identity.HasScope(ApiKey.ValidateScope) || identity.HasScope(ApiKey.AdminScope),
        Billing => identity.HasScope(ApiKey.AdminScope),
        _ => false,
    };
}
