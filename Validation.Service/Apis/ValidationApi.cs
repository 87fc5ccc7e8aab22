namespace Platform.Validation.Apis;

/// <summary>The runtime API under <c>/api/v1</c>: public (a license key is its own credential), reached through the Gateway.</summary>
internal static class ValidationApi
{
    public static IEndpointRouteBuilder MapValidationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapPost("/validate", app.ServiceProvider.GetRequiredService<ValidateApi>().ValidateAsync)
            .Accepts<ValidateRequest>("application/json").Produces<ValidAnswer>();
        api.MapPost("/activate", ActivationApi.Activate);
        api.MapPost("/deactivate", ActivationApi.Deactivate);
        api.MapPost("/seats/checkout", SeatsApi.Checkout);
        api.MapPost("/seats/heartbeat", SeatsApi.Heartbeat);
        api.MapPost("/seats/checkin", SeatsApi.Checkin);
        api.MapGet("/keys", KeysApi.Keys);
        return app;
    }
}
