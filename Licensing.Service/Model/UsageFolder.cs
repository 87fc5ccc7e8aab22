using Platform.Licensing.IntegrationEvents;

namespace Platform.Licensing.Model;

/// <summary>
/// Folds stored usage reports every <see cref="Interval"/> (<c>Licensing:UsageFoldSeconds</c>, default 10): the
/// licenses' <c>validation_count</c> and <c>last_validated_at</c> lag by at most that much (the usage route folds
/// before it answers, so it is always current). Each pass then sends the <c>validation.failed</c> notices that are due.
/// </summary>
internal sealed class UsageFolder(IServiceScopeFactory scopes, ILogger<UsageFolder> logger) : BackgroundService
{
    internal TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                using (var scope = scopes.CreateScope())
                {
                    var folded = await scope.ServiceProvider.GetRequiredService<UsageRecorder>().FoldAsync(waitForOthers: false, stoppingToken);
                    logger.LogDebug("Folded {Reports} usage reports", folded);
                }

                while (await SendNoticesAsync(stoppingToken) == ValidationFailureNotices.BatchSize)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Folding usage reports failed; retrying in {Interval}", Interval);
            }
        }
    }

    private async Task<int> SendNoticesAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ValidationFailureNotices>().SendDueAsync(DateTimeOffset.UtcNow, cancellationToken);
    }
}
