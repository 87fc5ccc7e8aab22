using System.Diagnostics.Metrics;

namespace Platform.Webhooks.Dispatch;

/// <summary>
/// Delivery attempts by outcome (<c>webhooks.deliveries</c> on the meter <c>Platform.Webhooks</c>): <c>delivered</c>,
/// <c>pending</c> (failed, retried later) or <c>failed</c> (no retry left, or the endpoint answered 410).
/// </summary>
public sealed class DeliveryMetrics
{
    public const string MeterName = "Platform.Webhooks";

    private readonly Counter<long> deliveries;

    public DeliveryMetrics(IMeterFactory meters) =>
        deliveries = meters.Create(MeterName).CreateCounter<long>("webhooks.deliveries", description: "Webhook delivery attempts, by outcome.");

    public void Attempted(AttemptResult result) => deliveries.Add(1, new KeyValuePair<string, object?>("outcome", result.Status));
}
