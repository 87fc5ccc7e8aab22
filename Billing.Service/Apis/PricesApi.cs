using Platform.Billing.Infrastructure;
using Platform.Billing.Processing;
using Platform.ServiceDefaults.Identity;

namespace Platform.Billing.Apis;

/// <summary>Which Licensing product and plan a Stripe price stands for; mapping a price processes the checkouts that waited for it.</summary>
internal static class PricesApi
{
    public static void MapPricesApi(this RouteGroupBuilder api)
    {
        var prices = api.MapGroup("/prices").WithTags("Billing");
        prices.MapGet("", ListAsync);
        prices.MapPut("/{priceId}", SaveAsync);
        prices.MapDelete("/{priceId}", DeleteAsync);
    }

    private static async Task<IResult> ListAsync(CallerIdentity caller, PriceStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new { data = (await store.ListAsync(caller.TenantId, caller.Environment, cancellationToken)).Select(PriceMappingResponse.Of) });

    private static async Task<IResult> SaveAsync(
        string priceId, PriceMappingRequest request, CallerIdentity caller, PriceStore store, EventSignal signal, CancellationToken cancellationToken)
    {
        if (!IsStripeId(priceId, "price_"))
        {
            return BillingErrors.Invalid("The path must name a Stripe price id (price_…).");
        }

        if (string.IsNullOrWhiteSpace(request.ProductId))
        {
            return BillingErrors.Missing("product_id");
        }

        if (!IsStripeId(request.ProductId, "prod_") || (request.PlanId is { } plan && !IsStripeId(plan, "plan_")))
        {
            return BillingErrors.Invalid("product_id must be a product id (prod_…) and plan_id, if given, a plan id (plan_…).");
        }

        var (mapping, released) = await store.SaveAsync(caller.TenantId, caller.Environment, priceId, request.ProductId, request.PlanId, cancellationToken);
        if (released > 0)
        {
            signal.Notify();
        }

        return TypedResults.Ok(PriceMappingResponse.Of(mapping));
    }

    private static async Task<IResult> DeleteAsync(string priceId, CallerIdentity caller, PriceStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(caller.TenantId, caller.Environment, priceId, cancellationToken)
            ? TypedResults.NoContent()
            : BillingErrors.NotFound($"No mapping for price {priceId}.");

    private static bool IsStripeId(string value, string prefix) =>
        value.StartsWith(prefix, StringComparison.Ordinal) && value.Length is > 5 and <= 255 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
