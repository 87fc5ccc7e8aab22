using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Apis;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Licensing.Apis;

/// <summary>
/// The portal's routes, as the API reference uses them: <c>POST /api/v1/portal/licenses</c> with the body of its Stripe
/// example (<c>product</c>, <c>plan</c> by id or name, <c>customer_email</c>, <c>metadata</c>) and
/// <c>GET /api/v1/portal/licenses[/{id}]</c>. An admin key sees and creates the tenant's licenses; a portal session
/// (scope <c>portal</c>) sees only its customer's own and cannot issue licenses, which is the vendor's to do.
/// </summary>
internal static class PortalLicensesApi
{
    public static void MapPortalLicensesApi(this RouteGroupBuilder api)
    {
        var portal = api.MapGroup("/portal/licenses").WithTags("Portal");
        portal.MapPost("", CreateAsync).Answers<CreatedLicense>(StatusCodes.Status201Created);
        portal.MapGet("", LicensesApi.ListAsync).Answers<Page<LicenseView>>().AllowPortal();
        portal.MapGet("/{id}", LicensesApi.GetAsync).Answers<LicenseView>().AllowPortal();
    }

    private static async Task<IResult> CreateAsync(PortalLicenseRequest request, CallerIdentity caller, LicensingDbContext db, LicenseIssuer issuer,
        CancellationToken cancellationToken)
    {
        var productId = request.Product ?? request.ProductId;
        if (string.IsNullOrWhiteSpace(productId))
        {
            return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.MissingFields, "product is required: the id of the product to license.");
        }

        string? planId = null;
        if (!string.IsNullOrWhiteSpace(request.Plan))
        {
            var scope = ApiScope.Of(caller);
            // The name matched without regard to case, as a literal: ILIKE with its wildcards escaped.
            var name = request.Plan.Trim().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
            var plans = await db.Plans.AsNoTracking()
                .Where(p => p.TenantId == scope.TenantId && p.Environment == scope.Environment && p.ProductId == productId
                    && (p.Id == request.Plan || EF.Functions.ILike(p.Name, name, @"\")))
                .Select(p => p.Id).Take(2).ToListAsync(cancellationToken);
            switch (plans.Count)
            {
                case 0:
                    return ApiErrorWriter.Result(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"The product {productId} has no plan with the id or name '{request.Plan}'.");
                case > 1:
                    return ApiErrorWriter.Result(StatusCodes.Status409Conflict, ErrorCodes.Conflict, $"The product {productId} has several plans named '{request.Plan}'; send the plan's id.");
            }

            planId = plans[0];
        }

        var license = CreateLicenseRequest.Empty with
        {
            ProductId = productId, PlanId = planId, Type = request.Type, CustomerEmail = request.CustomerEmail,
            MaxActivations = request.MaxActivations, Metadata = request.Metadata, ExpiresAt = request.ExpiresAt,
        };
        return await LicensesApi.CreateAsync(license, caller, db, issuer, cancellationToken);
    }
}

/// <summary>
/// A license for a customer, as the reference's Stripe example sends it: <c>product</c> (or <c>product_id</c>), <c>plan</c>
/// (its id or its name), <c>customer_email</c>, <c>metadata</c>; <c>type</c>, <c>expires_at</c> and
/// <c>max_activations</c> where no plan gives them.
/// </summary>
internal sealed record PortalLicenseRequest(
    string? Product,
    string? ProductId,
    string? Plan,
    string? CustomerEmail,
    JsonElement? Metadata,
    string? Type,
    DateTimeOffset? ExpiresAt,
    int? MaxActivations);
