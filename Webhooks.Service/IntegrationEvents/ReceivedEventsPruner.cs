using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.IntegrationEvents;

/// <summary>
/// Forgets the ids of events received longer ago than <see cref="WebhookOptions.DeduplicationWindow"/>: a
/// copy of a message arrives within minutes (a broker redelivery, a relay that published twice), so the
/// de-duplication table need not grow forever.
/// </summary>
public sealed class ReceivedEventsPruner(NpgsqlDataSource dataSource, IOptions<WebhookOptions> options, ILogger<ReceivedEventsPruner> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Pruning received event ids failed; trying again later");
            }

            await Task.Delay(Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <returns>How many ids were forgotten.</returns>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var prune = dataSource.CreateCommand("DELETE FROM received_events WHERE received_at < now() - @window");
        prune.Parameters.AddWithValue("window", NpgsqlTypes.NpgsqlDbType.Interval, options.Value.DeduplicationWindow);
        return await prune.ExecuteNonQueryAsync(cancellationToken);
    }
}
