using System.Text.Json.Serialization;
using Platform.Billing.Model;

namespace Platform.Billing.Apis;

/// <summary>A change of the settings; fields left out keep their value.</summary>
internal sealed record BillingSettingsRequest(
    [property: JsonPropertyName("payment_failed_action")] string? PaymentFailedAction,
    [property: JsonPropertyName("payment_failed_grace_hours")] int? PaymentFailedGraceHours,
    [property: JsonPropertyName("cancellation_action")] string? CancellationAction,
    [property: JsonPropertyName("refund_action")] string? RefundAction);

internal sealed record BillingSettingsResponse(
    [property: JsonPropertyName("environment")] string Environment,
    [property: JsonPropertyName("payment_failed_action")] string PaymentFailedAction,
    [property: JsonPropertyName("payment_failed_grace_hours")] int PaymentFailedGraceHours,
    [property: JsonPropertyName("cancellation_action")] string CancellationAction,
    [property: JsonPropertyName("refund_action")] string RefundAction,
    [property: JsonPropertyName("webhook_path")] string WebhookPath)
{
    public static BillingSettingsResponse Of(string tenantId, string environment, BillingSettings settings) => new(
        environment, settings.PaymentFailedAction, settings.PaymentFailedGraceHours, settings.CancellationAction, settings.RefundAction,
        $"/api/v1/billing/stripe/{tenantId}/webhook");
}

internal sealed record AddSecretRequest([property: JsonPropertyName("secret")] string? Secret);

internal sealed record SecretResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("hint")] string Hint,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt)
{
    public static SecretResponse Of(WebhookSecret secret) => new(secret.Id, secret.Hint, secret.CreatedAt);
}

internal sealed record PriceMappingRequest(
    [property: JsonPropertyName("product_id")] string? ProductId,
    [property: JsonPropertyName("plan_id")] string? PlanId);

internal sealed record PriceMappingResponse(
    [property: JsonPropertyName("price_id")] string PriceId,
    [property: JsonPropertyName("product_id")] string ProductId,
    [property: JsonPropertyName("plan_id")] string? PlanId,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt)
{
    public static PriceMappingResponse Of(PriceMapping mapping) => new(mapping.PriceId, mapping.ProductId, mapping.PlanId, mapping.UpdatedAt);
}

internal sealed record StripeEventResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("outcome")] string? Outcome,
    [property: JsonPropertyName("created")] DateTimeOffset Created,
    [property: JsonPropertyName("received_at")] DateTimeOffset ReceivedAt,
    [property: JsonPropertyName("next_attempt_at")] DateTimeOffset? NextAttemptAt,
    [property: JsonPropertyName("processed_at")] DateTimeOffset? ProcessedAt)
{
    public static StripeEventResponse Of(StoredEvent stored) => new(
        stored.EventId, stored.Type, stored.Status, stored.Attempts, stored.Outcome, stored.CreatedAt, stored.ReceivedAt,
        stored.Status == EventStatus.Pending ? stored.NextAttemptAt : null, stored.ProcessedAt);
}

internal sealed record WebhookReceipt(
    [property: JsonPropertyName("received")] bool Received,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("duplicate")] bool Duplicate);
