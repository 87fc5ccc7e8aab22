using Platform.Licensing.Model;
using Platform.ServiceDefaults.Identity;

namespace Platform.Licensing.Apis;

/// <summary>
/// What a verified caller may see: a tenant and environment, and for a portal session (no admin scope) only the
/// licenses of one customer (<see cref="Customer"/>, their e-mail address). Every query of the management API is
/// filtered by it.
/// </summary>
internal readonly record struct ApiScope(string TenantId, ApiEnvironment Environment, string? Customer = null)
{
    public static ApiScope Of(CallerIdentity caller) => new(
        caller.TenantId,
        caller.Environment == "live" ? ApiEnvironment.Live : ApiEnvironment.Test,
        caller.HasScope(ApiKey.AdminScope) ? null : caller.Customer?.Trim().ToLowerInvariant() ?? "");
}
