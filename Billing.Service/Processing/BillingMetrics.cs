using System.Diagnostics.Metrics;
using System.Text.Json;

namespace Platform.Billing.Processing;

/// <summary>
/// Stripe events on the meter <c>Platform.Billing</c>: as received (<c>billing.stripe.received</c>: accepted, duplicate,
/// or the refusal's code) and as processed (<c>billing.stripe.processed</c>, by outcome and event type).
/// </summary>
internal sealed class BillingMetrics
{
    public const string MeterName = "Platform.Billing";
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";

    private readonly Counter<long> received;
    private readonly Counter<long> processed;

    public BillingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        received = meter.CreateCounter<long>("billing.stripe.received", description: "Stripe webhook deliveries, by result (accepted, duplicate, or the refusal's code).");
        processed = meter.CreateCounter<long>("billing.stripe.processed", description: "Stripe events processed, by outcome and event type.");
    }

    public void Received(string result) => received.Add(1, new KeyValuePair<string, object?>("result", result));

    public void Processed(OutcomeKind outcome, string eventType) =>
        processed.Add(1, new KeyValuePair<string, object?>("outcome", JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString())), new KeyValuePair<string, object?>("type", eventType));
}
