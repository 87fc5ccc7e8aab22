using Platform.ServiceDefaults.OpenApi;

namespace Platform.Validation.Apis;

/// <summary>The runtime API under <c>/api/v1</c>: public (a license key is its own credential), reached through the Gateway.</summary>
internal static class ValidationApi
{
    public static IEndpointRouteBuilder MapValidationApi(this IEndpointRouteBuilder app)
    {
        // Every route may refuse a malformed body (400 MISSING_FIELDS, VALIDATION_ERROR, INVALID_JSON), a body too large or not
        // JSON (413, 415), a bad caller identity (401), and answer 503 while Licensing cannot be reached.
        var root = app.MapGroup("/api/v1");
        root.MapGet("/keys", KeysApi.Keys);
        var api = root.MapGroup("").ProducesErrors(
            StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status413PayloadTooLarge,
            StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status503ServiceUnavailable);
        // A refused license (403: expired, suspended, domain mismatch…; 404: not found) is a refusal answer with valid: false.
        api.MapPost("/validate", app.ServiceProvider.GetRequiredService<ValidateApi>().ValidateAsync)
            .Accepts<ValidateRequest>("application/json").Produces<ValidAnswer>()
            .Produces<RefusalAnswer>(StatusCodes.Status403Forbidden).Produces<RefusalAnswer>(StatusCodes.Status404NotFound);
        // Refusals of the write routes (403 ACTIVATION_LIMIT_REACHED, NO_SEATS_AVAILABLE…, 404 LICENSE_NOT_FOUND…) are errors.
        var writes = api.MapGroup("").ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        writes.MapPost("/activate", ActivationApi.Activate);
        writes.MapPost("/deactivate", ActivationApi.Deactivate);
        writes.MapPost("/seats/checkout", SeatsApi.Checkout);
        writes.MapPost("/seats/heartbeat", SeatsApi.Heartbeat);
        writes.MapPost("/seats/checkin", SeatsApi.Checkin);
        return app;
    }
}
