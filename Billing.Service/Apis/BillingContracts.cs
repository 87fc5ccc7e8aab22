using Platform.Billing.Model;

namespace Platform.Billing.Apis;

// Answers are camelCase and requests accept camelCase or snake_case: the platform's naming policy (ServiceDefaults' RequestNaming).

/// <summary>A change of the settings; fields left out keep their value.</summary>
internal sealed record BillingSettingsRequest(
    string? PaymentFailedAction,
    int? PaymentFailedGraceHours,
    string? CancellationAction,
    string? RefundAction);

internal sealed record BillingSettingsResponse(
    string Environment,
    string PaymentFailedAction,
    int PaymentFailedGraceHours,
    string CancellationAction,
    string RefundAction,
    string WebhookPath)
{
    public static BillingSettingsResponse Of(string tenantId, string environment, BillingSettings settings) => new(
        environment, settings.PaymentFailedAction, settings.PaymentFailedGraceHours, settings.CancellationAction, settings.RefundAction,
        $"/api/v1/billing/stripe/{tenantId}/webhook");
}

internal sealed record AddSecretRequest(string? Secret);

internal sealed record SecretResponse(string Id, string Hint, DateTimeOffset CreatedAt)
{
    public static SecretResponse Of(WebhookSecret secret) => new(secret.Id, secret.Hint, secret.CreatedAt);
}

internal sealed record PriceMappingRequest(string? ProductId, string? PlanId);

internal sealed record PriceMappingResponse(string PriceId, string ProductId, string? PlanId, DateTimeOffset UpdatedAt)
{
    public static PriceMappingResponse Of(PriceMapping mapping) => new(mapping.PriceId, mapping.ProductId, mapping.PlanId, mapping.UpdatedAt);
}

/// <summary>A stored Stripe event; <see cref="UnmappedPriceId"/> names the price it waits for while its status is <c>needs_attention</c>.</summary>
internal sealed record StripeEventResponse(
    string Id,
    string Type,
    string Status,
    int Attempts,
    string? Outcome,
    string? UnmappedPriceId,
    DateTimeOffset Created,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? ProcessedAt)
{
    public static StripeEventResponse Of(StoredEvent stored) => new(
        stored.EventId, stored.Type, stored.Status, stored.Attempts, stored.Outcome,
        stored.UnmappedPriceId, stored.CreatedAt, stored.ReceivedAt,
        stored.Status == EventStatus.Pending ? stored.NextAttemptAt : null, stored.ProcessedAt);
}

internal sealed record WebhookReceipt(bool Received, string Id, bool Duplicate);
