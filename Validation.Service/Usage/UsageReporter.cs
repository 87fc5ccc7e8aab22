using Platform.Validation.Licensing;

namespace Platform.Validation.Usage;

/// <summary>
/// Sends queued usage to <c>Licensing.RecordUsage</c> every <see cref="ValidationOptions.UsageFlushInterval"/>,
/// folding identical validations into one record with a count. A batch Licensing did not take is kept and
/// merged into the next (bounded), so only a crash loses usage: at most the one batch not yet sent.
/// </summary>
internal sealed class UsageReporter(UsageQueue queue, LicensingClient licensing, IOptions<ValidationOptions> options, ILogger<UsageReporter> logger) : BackgroundService
{
    /// <summary>Distinct (license, result, domain, machine) records held while Licensing is unreachable.</summary>
    private const int MaxPendingRecords = 50_000;

    private readonly UsageTally pending = new(MaxPendingRecords);

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
        var lost = queue.TakeDropped();
        while (queue.Reader.TryRead(out var entry))
        {
            if (!pending.Add(entry))
            {
                lost++;
            }
        }

        if (lost > 0)
        {
            logger.LogWarning("{Lost} validations were not counted: the usage queue was full", lost);
        }
    }
}
