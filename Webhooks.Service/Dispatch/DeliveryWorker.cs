using Microsoft.Extensions.Options;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.Dispatch;

/// <summary>
/// Sends due deliveries: claims a batch, posts them concurrently, records each outcome and schedules the
/// retries. Every replica runs one; they share the table through <see cref="DeliveryQueue"/>.
/// </summary>
public sealed class DeliveryWorker(
    DeliveryQueue queue, WebhookSender sender, RetrySchedule retries, EndpointHealth health,
    IOptions<WebhookOptions> options, ILogger<DeliveryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan FailureDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                delay = await RunBatchAsync(stoppingToken) == options.Value.BatchSize ? TimeSpan.Zero : options.Value.PollInterval;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Webhook delivery pass failed; retrying");
                delay = FailureDelay;
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <returns>How many deliveries were attempted.</returns>
    public async Task<int> RunBatchAsync(CancellationToken cancellationToken)
    {
        // The lease outlasts the request timeout, so a live worker always records before anyone else may retry.
        var lease = options.Value.RequestTimeout + TimeSpan.FromSeconds(50);
        var batch = await queue.ClaimAsync(options.Value.BatchSize, lease, cancellationToken);
        await Task.WhenAll(batch.Select(work => AttemptAsync(work, cancellationToken)));
        return batch.Count;
    }

    private async Task AttemptAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        var outcome = await sender.SendAsync(work, cancellationToken);
        TimeSpan? retryAfter = outcome.Succeeded || outcome.Gone || work.Attempt >= work.MaxAttempts ? null : retries.DelayAfter(work.Attempt);
        await queue.RecordAsync(work, outcome, retryAfter, cancellationToken);
        await health.RecordAsync(work, outcome, cancellationToken);
        if (!outcome.Succeeded && retryAfter is null)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} of event {EventId} to {EndpointId} failed after {Attempts} attempts: {Status} {Error}",
                work.Id, work.EventId, work.EndpointId, work.Attempt, outcome.StatusCode, outcome.Error);
        }
    }
}
