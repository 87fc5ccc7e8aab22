using Grpc.Core;
using Platform.Contracts.Usage;
using Platform.Validation.Licensing;

namespace Platform.Validation.Usage;

/// <summary>
/// Sends the usage <see cref="UsageCounter"/> counted to <c>Licensing.RecordUsage</c> every
/// <see cref="ValidationOptions.UsageFlushInterval"/>: identical validations are one record with a count. Each report
/// carries an id; a report whose answer did not come (Licensing unreachable, stopped mid-call, or past the deadline)
/// is sent again unchanged, with its id, before anything newer, so Licensing counts it once whether or not it stored
/// it the first time. Meanwhile new validations wait in a bounded tally, so only a crash loses usage: at most what was
/// not yet sent. A report Licensing refuses for what it holds (INVALID_ARGUMENT) is dropped, not retried.
/// </summary>
internal sealed class UsageReporter(UsageCounter counter, LicensingClient licensing, IOptions<ValidationOptions> options, ILogger<UsageReporter> logger) : BackgroundService
{
    /// <summary>Distinct (license, result, domain, machine) records held until Licensing takes them.</summary>
    private readonly UsageTally pending = new(options.Value.UsageMaxRecords);

    /// <summary>A report sent without an answer, to be sent again as it is.</summary>
    private RecordUsageRequest? unanswered;

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
        // outage) goes in several reports, each sent until Licensing has answered it.
        while (unanswered is not null || pending.Count > 0)
        {
            if (unanswered is null)
            {
                unanswered = pending.Take(UsageReportLimits.MaxRecords);
                unanswered.ReportId = Guid.NewGuid().ToString("N");
            }

            try
            {
                await licensing.RecordUsageAsync(unanswered, cancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
            {
                // Refused for what it holds: sent again it would be refused again, and block every report after it.
                logger.LogError("Licensing refused {Records} usage records, which are dropped: {Reason}", unanswered.Records.Count, ex.Status.Detail);
            }
            catch (Exception ex)
            {
                if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw; // stopping: the last attempt sends what is kept
                }

                logger.LogWarning("Usage not recorded yet ({Records} records to send again, {Pending} waiting): {Reason}",
                    unanswered.Records.Count, pending.Count, ex.Message);
                return;
            }

            unanswered = null;
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
