using Platform.Validation.Licensing;

namespace Platform.Validation.Usage;

/// <summary>
/// Sends the usage <see cref="UsageCounter"/> counted to <c>Licensing.RecordUsage</c> every
/// <see cref="ValidationOptions.UsageFlushInterval"/>: identical validations are one record with a count. A batch Licensing did not take is kept and
/// merged into the next (bounded), so only a crash loses usage: at most the one batch not yet sent.
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
        if (pending.Count == 0)
        {
            return;
        }

        try
        {
            await licensing.RecordUsageAsync(pending.ToRequest(), cancellationToken);
            pending.Clear();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Usage not recorded yet ({Records} records kept for the next attempt): {Reason}", pending.Count, ex.Message);
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
