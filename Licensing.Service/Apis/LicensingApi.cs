using Platform.Licensing.Model;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Licensing.Apis;

internal static class LicensingApi
{
    /// <summary>The management REST API under <c>/api/v1</c>: admin scope, the caller's tenant and environment only.</summary>
    public static RouteGroupBuilder MapLicensingApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAdminOrPortal().WithIdempotencyKeys()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        api.MapProductsApi();
        api.MapLicensesApi();
        api.MapPortalLicensesApi();
        api.MapPlansApi();
        api.MapMachinesApi();
        api.MapUsageApi();
        api.MapApiKeysApi();
        api.MapTenantApi();
        return api;
    }
}
