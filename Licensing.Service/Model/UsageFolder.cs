using Platform.Licensing.IntegrationEvents;

namespace Platform.Licensing.Model;

/// <summary>
/// Folds stored usage reports, one partition of the licenses (<see cref="UsageRecorder.Partitions"/>) after the other,
/// evenly over each <see cref="Interval"/> (<c>Licensing:UsageFoldSeconds</c>, default 10): each license's records are
/// folded once an interval, so its <c>validation_count</c> and <c>last_validated_at</c> lag by at most that much (the
/// usage route folds before it answers, so it is always current), and the fold's work comes in small steps rather than
/// one burst that takes a core from the validations. Each step then sends the <c>validation.failed</c> notices that are due.
/// </summary>
internal sealed class UsageFolder(IServiceScopeFactory scopes, ILogger<UsageFolder> logger) : BackgroundService
{
    internal TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var step = Interval / UsageRecorder.Partitions;
        for (var partition = 0; !stoppingToken.IsCancellationRequested; partition = (partition + 1) % UsageRecorder.Partitions)
        {
            await Task.Delay(step, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                using (var scope = scopes.CreateScope())
                {
                    var folded = await scope.ServiceProvider.GetRequiredService<UsageRecorder>().FoldPartitionAsync(partition, stoppingToken);
                    logger.LogDebug("Folded {Rows} stored usage rows of partition {Partition}", folded, partition);
                }

                while (await SendNoticesAsync(stoppingToken) == ValidationFailureNotices.BatchSize)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Folding usage reports of partition {Partition} failed; the next step is in {Step}", partition, step);
            }
        }
    }

    private async Task<int> SendNoticesAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ValidationFailureNotices>().SendDueAsync(DateTimeOffset.UtcNow, cancellationToken);
    }
}
