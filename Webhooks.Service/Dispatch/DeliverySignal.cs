namespace Platform.Webhooks.Dispatch;

/// <summary>
/// Wakes this replica's worker as soon as new deliveries are committed here, instead of at its next poll.
/// Other replicas still find them by polling; the table stays the only source of work.
/// </summary>
public sealed class DeliverySignal : IDisposable
{
    private readonly SemaphoreSlim pending = new(0, 1);

    public void Notify()
    {
        if (pending.CurrentCount == 0)
        {
            try
            {
                pending.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller signalled in between: the worker wakes either way.
            }
        }
    }

    /// <summary>Returns when signalled or after <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => pending.WaitAsync(timeout, cancellationToken);

    public void Dispose() => pending.Dispose();
}
