using Microsoft.AspNetCore.Mvc;
using Platform.Billing.Infrastructure;
using Platform.Billing.Model;
using Platform.Billing.Processing;
using Platform.ServiceDefaults.Apis;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;

namespace Platform.Billing.Apis;

/// <summary>The Stripe events received, what became of each, and a retry for the failed ones and those needing attention.</summary>
internal static class EventsApi
{
    public static void MapEventsApi(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Billing");
        events.MapGet("", ListAsync);
        events.MapGet("/{id}", GetAsync);
        events.MapPost("/{id}/retry", RetryAsync);
    }

    private static async Task<IResult> ListAsync(
        CallerIdentity caller, EventStore store, [FromQuery] string? status, [FromQuery] int? page, [FromQuery] int? limit, [FromQuery] int? offset,
        CancellationToken cancellationToken)
    {
        var (skip, pageNumber, size, error) = Pagination.Parse(page, limit, offset);
        if (error is not null)
        {
            return BillingErrors.Invalid(error);
        }

        if (status is not null && !EventStatus.All.Contains(status))
        {
            return BillingErrors.Invalid("status must be pending, applied, skipped, failed or needs_attention.");
        }

        var (events, total) = await store.ListAsync(caller.TenantId, caller.Environment, status, skip, size, cancellationToken);
        return TypedResults.Ok(new Page<StripeEventResponse>([.. events.Select(StripeEventResponse.Of)], Pagination.Of(pageNumber, size, total)));
    }

    private static async Task<IResult> GetAsync(string id, CallerIdentity caller, EventStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(caller.TenantId, caller.Environment, id, cancellationToken) is { } stored
            ? TypedResults.Ok(StripeEventResponse.Of(stored))
            : BillingErrors.NotFound($"No event {id}.");

    private static async Task<IResult> RetryAsync(string id, CallerIdentity caller, EventStore store, EventSignal signal, CancellationToken cancellationToken)
    {
        if (await store.RetryAsync(caller.TenantId, caller.Environment, id, cancellationToken))
        {
            signal.Notify();
            return TypedResults.Accepted($"/api/v1/billing/events/{id}");
        }

        return await store.FindAsync(caller.TenantId, caller.Environment, id, cancellationToken) is null
            ? BillingErrors.NotFound($"No event {id}.")
            : ApiErrorWriter.Result(StatusCodes.Status409Conflict, ErrorCodes.Conflict, "Only a failed event or one needing attention can be retried.");
    }
}
