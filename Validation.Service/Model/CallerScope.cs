using Platform.ServiceDefaults.Identity;
using Platform.Validation.Cache;

namespace Platform.Validation.Model;

/// <summary>
/// Validation is public (a license key is its own credential), but a caller the Gateway authenticated with an
/// API key sees only its tenant's licenses of its environment: another tenant's key is LICENSE_NOT_FOUND to it.
/// </summary>
internal static class CallerScope
{
    /// <summary>False when the request carries an identity header that does not verify.</summary>
    public static bool TryResolve(HttpContext context, out CallerIdentity? caller)
    {
        caller = null;
        if (!context.Request.Headers.ContainsKey(IdentityToken.HeaderName))
        {
            return true;
        }

        caller = CallerIdentity.Resolve(context);
        return caller is not null;
    }

    public static bool CanSee(CallerIdentity? caller, CachedLicense license) =>
        caller is null
        || (string.Equals(caller.TenantId, license.TenantId, StringComparison.Ordinal)
            && string.Equals(caller.Environment, license.Environment, StringComparison.Ordinal));
}
