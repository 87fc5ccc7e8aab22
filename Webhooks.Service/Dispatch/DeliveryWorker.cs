using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Data;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.Dispatch;

/// <summary>
/// Sends due deliveries: claims a batch, posts them concurrently, records each outcome and schedules the
/// retries. Every replica runs one; they share the table through <see cref="DeliveryQueue"/>.
/// </summary>
public sealed class DeliveryWorker(
    DeliveryQueue queue, WebhookSender sender, RetrySchedule retries, EndpointHealth health, DeliverySignal signal, DeliveryMetrics metrics,
    IOptions<WebhookOptions> options, ILogger<DeliveryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan FailureDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Straight on while there is work; when there is none, until new work is committed here or the next poll.
                if (await RunBatchAsync(stoppingToken) == 0)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Webhook delivery pass failed; retrying");
                await Task.Delay(FailureDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <returns>How many deliveries were attempted.</returns>
    public async Task<int> RunBatchAsync(CancellationToken cancellationToken)
    {
        // The lease outlasts the request timeout, so a live worker always records before anyone else may retry.
        var lease = options.Value.RequestTimeout + TimeSpan.FromSeconds(50);
        var leaseEnds = DateTime.UtcNow + lease;
        var batch = await queue.ClaimAsync(options.Value.BatchSize, lease, cancellationToken);
        var results = await Task.WhenAll(batch.Select(work => AttemptAsync(work, cancellationToken)));
        await RecordAsync(results, leaseEnds, cancellationToken);
        foreach (var result in results)
        {
            metrics.Attempted(result);
        }

        foreach (var result in results.Where(r => !r.Outcome.Succeeded || r.Work.EndpointFailing))
        {
            await health.RecordAsync(result.Work, result.Outcome, cancellationToken);
            if (result.Status == "failed")
            {
                logger.LogWarning("Webhook delivery {DeliveryId} of event {EventId} to {EndpointId} failed after {Attempts} attempts: {Status} {Error}",
                    result.Work.Id, result.Work.EventId, result.Work.EndpointId, result.Work.Attempt, result.Outcome.StatusCode, result.Outcome.Error);
            }
        }

        return batch.Count;
    }

    /// <summary>
    /// Records the outcomes, retrying while the database cannot be reached until the claim's lease ends: the requests
    /// have been sent, and an outcome not recorded would have them sent again once the lease ends.
    /// </summary>
    private async Task RecordAsync(AttemptResult[] results, DateTime leaseEnds, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await queue.RecordAsync(results, cancellationToken);
                return;
            }
            catch (Exception ex) when (StoreErrors.Unreachable(ex) is not null && DateTime.UtcNow + FailureDelay < leaseEnds)
            {
                logger.LogWarning("Recording {Count} webhook attempts failed ({Reason}); retrying", results.Length, ex.Message);
                await Task.Delay(FailureDelay, cancellationToken);
            }
        }
    }

    private async Task<AttemptResult> AttemptAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        var outcome = await sender.SendAsync(work, cancellationToken);
        TimeSpan? retryAfter = outcome.Succeeded || outcome.Gone || work.Attempt >= work.MaxAttempts ? null : retries.DelayAfter(work.Attempt);
        return new AttemptResult(work, outcome, retryAfter);
    }
}
