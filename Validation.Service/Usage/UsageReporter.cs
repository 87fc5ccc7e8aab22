using Grpc.Core;
using Platform.Contracts.Usage;
using Platform.Validation.Licensing;

namespace Platform.Validation.Usage;

/// <summary>
/// Sends the usage <see cref="UsageCounter"/> counted to <c>Licensing.RecordUsage</c> every
/// <see cref="ValidationOptions.UsageFlushInterval"/>: identical validations are one record with a count. A batch
/// Licensing could not take is kept and merged into the next (bounded), so only a crash loses usage: at most the one
/// batch not yet sent; a batch Licensing refuses for what it holds (INVALID_ARGUMENT) is dropped, not retried.
/// </summary>
internal sealed class UsageReporter(UsageCounter counter, LicensingClient licensing, IOptions<ValidationOptions> options, ILogger<UsageReporter> logger) : BackgroundService
{
    /// <summary>Distinct (license, result, domain, machine) records held until Licensing takes them.</summary>
    private readonly UsageTally pending = new(options.Value.UsageMaxRecords);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.UsageFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Shutting down: one last attempt, so a graceful stop loses nothing.
        using var last = new CancellationTokenSource(options.Value.LicensingTimeout);
        await FlushAsync(last.Token);
    }

    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        Drain();

        // Licensing takes at most UsageReportLimits.MaxRecords a call: more (many licenses, or a backlog after an
        // outage) goes in several calls, each removed from the batch only once Licensing has taken it.
        while (pending.Count > 0)
        {
            var request = pending.Take(UsageReportLimits.MaxRecords);
            try
            {
                await licensing.RecordUsageAsync(request, cancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
            {
                // Refused for what it holds: sent again it would be refused again, and block every batch after it.
                logger.LogError("Licensing refused {Records} usage records, which are dropped: {Reason}", request.Records.Count, ex.Status.Detail);
            }
            catch (Exception ex)
            {
                pending.Restore(request);
                if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw; // stopping: the last attempt sends what is kept
                }

                logger.LogWarning("Usage not recorded yet ({Records} records kept for the next attempt): {Reason}", pending.Count, ex.Message);
                return;
            }
        }
    }

    private void Drain()
    {
        if (counter.MoveTo(pending) is var lost and > 0)
        {
            logger.LogWarning("{Lost} validations were not counted: more distinct records than Validation:UsageMaxRecords", lost);
        }
    }
}
