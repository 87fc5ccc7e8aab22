using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Apis;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;
using Platform.Webhooks.Dispatch;
using Platform.Webhooks.Infrastructure;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.Apis;

/// <summary>An endpoint's delivery log, redelivery and test pings.</summary>
internal static class DeliveriesApi
{
    private static readonly string[] Statuses = [DeliveryStatus.Pending, DeliveryStatus.Delivered, DeliveryStatus.Failed];

    public static void MapDeliveriesApi(this RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/{id}/deliveries", ListAsync);
        webhooks.MapGet("/{id}/deliveries/{deliveryId}", GetAsync);
        webhooks.MapPost("/{id}/deliveries/{deliveryId}/redeliver", RedeliverAsync);
        webhooks.MapPost("/{id}/test", PingAsync);
    }

    private static async Task<IResult> ListAsync(string id, CallerIdentity caller, EndpointStore endpoints, DeliveryLog log,
        [FromQuery] string? status, [FromQuery] int? page, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken cancellationToken)
    {
        var (skip, pageNumber, size, error) = Pagination.Parse(page, limit, offset);
        error ??= status is null || Statuses.Contains(status) ? null : $"status must be one of {string.Join(", ", Statuses)}.";
        if (error is not null)
        {
            return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, error);
        }

        if (await endpoints.GetAsync(caller.TenantId, caller.Environment, id, cancellationToken) is null)
        {
            return WebhooksApi.NotFound();
        }

        var (items, total) = await log.ListAsync(id, status, skip, size, cancellationToken);
        return TypedResults.Ok(new Page<DeliveryResponse>([.. items.Select(DeliveryResponse.Of)], Pagination.Of(pageNumber, size, total)));
    }

    private static async Task<IResult> GetAsync(string id, string deliveryId, CallerIdentity caller, EndpointStore endpoints, DeliveryLog log, CancellationToken cancellationToken)
    {
        if (await endpoints.GetAsync(caller.TenantId, caller.Environment, id, cancellationToken) is null)
        {
            return WebhooksApi.NotFound();
        }

        return await log.GetAsync(id, deliveryId, cancellationToken) is { } delivery
            ? TypedResults.Ok(DeliveryResponse.Of(delivery))
            : WebhooksApi.NotFound("Delivery");
    }

    private static async Task<IResult> RedeliverAsync(string id, string deliveryId, CallerIdentity caller, EndpointStore endpoints, DeliveryLog log,
        DeliverySignal signal, IOptions<WebhookOptions> options, CancellationToken cancellationToken)
    {
        if (await endpoints.GetAsync(caller.TenantId, caller.Environment, id, cancellationToken) is not { } endpoint)
        {
            return WebhooksApi.NotFound();
        }

        if (!endpoint.Enabled)
        {
            return Disabled();
        }

        if (await log.RedeliverAsync(id, deliveryId, options.Value.MaxAttempts, cancellationToken) is not { } delivery)
        {
            return WebhooksApi.NotFound("Delivery");
        }

        signal.Notify();
        return TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries/{delivery.Id}", DeliveryResponse.Of(delivery));
    }

    private static async Task<IResult> PingAsync(string id, CallerIdentity caller, EndpointStore endpoints, DeliveryLog log, DeliverySignal signal, CancellationToken cancellationToken)
    {
        if (await endpoints.GetAsync(caller.TenantId, caller.Environment, id, cancellationToken) is not { } endpoint)
        {
            return WebhooksApi.NotFound();
        }

        if (!endpoint.Enabled)
        {
            return Disabled();
        }

        var delivery = await log.EnqueuePingAsync(endpoint, cancellationToken);
        signal.Notify();
        return TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries/{delivery.Id}", DeliveryResponse.Of(delivery));
    }

    private static IResult Disabled() =>
        ApiErrorWriter.Result(StatusCodes.Status409Conflict, ErrorCodes.Conflict, "The webhook endpoint is disabled; enable it first.");
}
