using Platform.Licensing.Model;
using Platform.ServiceDefaults.Identity;

namespace Platform.Licensing.Apis;

/// <summary>The tenant and environment a verified caller may see; every query of the management API is filtered by it.</summary>
internal readonly record struct ApiScope(string TenantId, ApiEnvironment Environment)
{
    public static ApiScope Of(CallerIdentity caller) =>
        new(caller.TenantId, caller.Environment == "live" ? ApiEnvironment.Live : ApiEnvironment.Test);
}
