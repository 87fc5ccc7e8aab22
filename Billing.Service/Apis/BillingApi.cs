using Platform.ServiceDefaults.OpenApi;
using Platform.ServiceDefaults.Identity;

namespace Platform.Billing.Apis;

public static class BillingApi
{
    /// <summary>The scope an API key needs for Billing's configuration.</summary>
    public const string AdminScope = "admin";

    /// <summary>
    /// Billing's routes: the configuration under <c>/api/v1/billing</c> (admin scope; the caller's tenant and
    /// environment), and Stripe's public webhook endpoint <c>POST /api/v1/billing/stripe/{tenantId}/webhook</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapBillingApi(this IEndpointRouteBuilder endpoints)
    {
        var billing = endpoints.MapGroup("/api/v1/billing");
        var admin = billing.MapGroup("").RequireCallerIdentity(AdminScope)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType);
        admin.MapSettingsApi();
        admin.MapSecretsApi();
        admin.MapPricesApi();
        admin.MapEventsApi();
        billing.MapStripeWebhook();
        return endpoints;
    }
}
