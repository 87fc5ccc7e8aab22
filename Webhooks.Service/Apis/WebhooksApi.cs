using Microsoft.AspNetCore.Mvc;
using Platform.ServiceDefaults.Apis;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;
using Platform.Webhooks.Dispatch;
using Platform.Webhooks.Infrastructure;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.Apis;

internal static class WebhooksApi
{
    public const string AdminScope = "admin";
    private static readonly TimeSpan SecretOverlap = TimeSpan.FromHours(24);

    /// <summary>The endpoint management API under <c>/api/v1/webhooks</c>: admin scope, the caller's tenant and environment only.</summary>
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var webhooks = routes.MapGroup("/api/v1/webhooks").RequireCallerIdentity(AdminScope).WithTags("Webhooks")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType);
        webhooks.MapPost("", CreateAsync);
        webhooks.MapGet("", ListAsync);
        webhooks.MapGet("/{id}", GetAsync);
        webhooks.MapPatch("/{id}", UpdateAsync);
        webhooks.MapDelete("/{id}", DeleteAsync);
        webhooks.MapPost("/{id}/rotate-secret", RotateSecretAsync);
        webhooks.MapDeliveriesApi();
        return webhooks;
    }

    private static async Task<IResult> CreateAsync(CreateEndpointRequest request, CallerIdentity caller, EndpointStore store, AddressPolicy addresses, CancellationToken cancellationToken)
    {
        var problem = await EndpointValidation.CheckUrlAsync(request.Url, caller, addresses, cancellationToken)
            ?? EndpointValidation.CheckEvents(request.Events)
            ?? EndpointValidation.CheckDescription(request.Description);
        if (problem is not null)
        {
            return problem;
        }

        var now = DateTimeOffset.UtcNow;
        var endpoint = await store.InsertAsync(new WebhookEndpoint(
            Ids.New("whe"), caller.TenantId, caller.Environment, request.Url!, [.. request.Events!.Distinct()],
            string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(), request.Enabled ?? true, null,
            Ids.NewSecret(), null, null, now, now), cancellationToken);
        return TypedResults.Created($"/api/v1/webhooks/{endpoint.Id}", EndpointResponse.Of(endpoint, showSecret: true));
    }

    private static async Task<IResult> ListAsync(CallerIdentity caller, EndpointStore store, [FromQuery] int? page, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken cancellationToken)
    {
        var (skip, pageNumber, size, error) = Pagination.Parse(page, limit, offset);
        if (error is not null)
        {
            return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, error);
        }

        var (items, total) = await store.ListAsync(caller.TenantId, caller.Environment, skip, size, cancellationToken);
        return TypedResults.Ok(new Page<EndpointResponse>([.. items.Select(e => EndpointResponse.Of(e))], Pagination.Of(pageNumber, size, total)));
    }

    private static async Task<IResult> GetAsync(string id, CallerIdentity caller, EndpointStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(caller.TenantId, caller.Environment, id, cancellationToken) is { } endpoint
            ? TypedResults.Ok(EndpointResponse.Of(endpoint))
            : NotFound();

    private static async Task<IResult> UpdateAsync(string id, UpdateEndpointRequest request, CallerIdentity caller, EndpointStore store, AddressPolicy addresses, CancellationToken cancellationToken)
    {
        var problem = (request.Url is null ? null : await EndpointValidation.CheckUrlAsync(request.Url, caller, addresses, cancellationToken))
            ?? (request.Events is null ? null : EndpointValidation.CheckEvents(request.Events))
            ?? EndpointValidation.CheckDescription(request.Description);
        if (problem is not null)
        {
            return problem;
        }

        var change = new UpdateEndpoint(request.Url, request.Events?.Distinct().ToList(), request.Description?.Trim(), request.Enabled);
        return await store.UpdateAsync(caller.TenantId, caller.Environment, id, change, cancellationToken) is { } endpoint
            ? TypedResults.Ok(EndpointResponse.Of(endpoint))
            : NotFound();
    }

    private static async Task<IResult> DeleteAsync(string id, CallerIdentity caller, EndpointStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(caller.TenantId, caller.Environment, id, cancellationToken) ? TypedResults.NoContent() : NotFound();

    private static async Task<IResult> RotateSecretAsync(string id, CallerIdentity caller, EndpointStore store, CancellationToken cancellationToken)
    {
        var overlapUntil = DateTimeOffset.UtcNow + SecretOverlap;
        return await store.RotateSecretAsync(caller.TenantId, caller.Environment, id, Ids.NewSecret(), overlapUntil, cancellationToken) is { } endpoint
            ? TypedResults.Ok(new RotatedSecretResponse(endpoint.Secret, overlapUntil))
            : NotFound();
    }

    internal static IResult NotFound(string what = "Webhook endpoint") =>
        ApiErrorWriter.Result(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"{what} not found.");
}
