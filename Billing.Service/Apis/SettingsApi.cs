using Platform.Billing.Infrastructure;
using Platform.Billing.Model;
using Platform.ServiceDefaults.Identity;

namespace Platform.Billing.Apis;

internal static class SettingsApi
{
    public static void MapSettingsApi(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings").WithTags("Billing");
        settings.MapGet("", GetAsync);
        settings.MapPut("", UpdateAsync);
    }

    private static async Task<IResult> GetAsync(CallerIdentity caller, SettingsStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(BillingSettingsResponse.Of(caller.TenantId, caller.Environment, await store.GetAsync(caller.TenantId, caller.Environment, cancellationToken)));

    private static async Task<IResult> UpdateAsync(BillingSettingsRequest request, CallerIdentity caller, SettingsStore store, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(caller.TenantId, caller.Environment, cancellationToken);
        var updated = new BillingSettings(
            request.PaymentFailedAction ?? current.PaymentFailedAction,
            request.PaymentFailedGraceHours ?? current.PaymentFailedGraceHours,
            request.CancellationAction ?? current.CancellationAction,
            request.RefundAction ?? current.RefundAction);
        if (Problem(updated) is { } problem)
        {
            return BillingErrors.Invalid(problem);
        }

        await store.SaveAsync(caller.TenantId, caller.Environment, updated, cancellationToken);
        return TypedResults.Ok(BillingSettingsResponse.Of(caller.TenantId, caller.Environment, updated));
    }

    private static string? Problem(BillingSettings settings) =>
        !BillingActions.PaymentFailed.Contains(settings.PaymentFailedAction) ? "payment_failed_action must be suspend or ignore."
        : settings.PaymentFailedGraceHours is < 0 or > BillingSettings.MaxGraceHours ? $"payment_failed_grace_hours must be between 0 and {BillingSettings.MaxGraceHours}."
        : !BillingActions.Cancellation.Contains(settings.CancellationAction) ? "cancellation_action must be expire or revoke."
        : !BillingActions.Refund.Contains(settings.RefundAction) ? "refund_action must be revoke or ignore."
        : null;
}
