using Platform.Licensing.Model;
using Platform.ServiceDefaults.Identity;

namespace Platform.Licensing.Apis;

internal static class LicensingApi
{
    /// <summary>The management REST API under <c>/api/v1</c>: admin scope, the caller's tenant and environment only.</summary>
    public static RouteGroupBuilder MapLicensingApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireCallerIdentity(ApiKey.AdminScope).WithIdempotencyKeys();
        api.MapProductsApi();
        api.MapLicensesApi();
        api.MapPlansApi();
        api.MapMachinesApi();
        api.MapUsageApi();
        api.MapApiKeysApi();
        api.MapTenantApi();
        return api;
    }
}
