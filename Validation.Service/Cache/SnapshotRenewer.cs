using Platform.Validation.Licensing;

namespace Platform.Validation.Cache;

/// <summary>
/// Renews the snapshots <see cref="SnapshotCache"/> queued as due: gathers the keys that fall due together for a
/// moment (a second, or a twentieth of the maximum age if that is shorter), then reads them back in batches of up
/// to 500 with one <c>GetLicensesByKeys</c> call each, one batch at a time.
/// </summary>
internal sealed class SnapshotRenewer(SnapshotCache cache, LicensingClient licensing, IOptions<ValidationOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var gather = TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, options.Value.MaxAge.Ticks / 20));
        var due = cache.Due;
        var batch = new List<string>(GetLicensesByKeysRequest.MaxKeys);
        while (await due.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(gather, stoppingToken);
            while (due.TryRead(out var key))
            {
                batch.Add(key);
                if (batch.Count == GetLicensesByKeysRequest.MaxKeys)
                {
                    await RenewAsync(batch, stoppingToken);
                }
            }

            if (batch.Count > 0)
            {
                await RenewAsync(batch, stoppingToken);
            }
        }
    }

    private async Task RenewAsync(List<string> keys, CancellationToken stoppingToken)
    {
        try
        {
            var answer = await licensing.GetLicensesByKeysAsync(keys, stoppingToken);
            cache.Renewed(keys, answer.Licenses);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            cache.RenewalFailed(keys, ex);
        }
        finally
        {
            keys.Clear();
        }
    }
}
