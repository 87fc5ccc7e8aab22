namespace Platform.Billing.Processing;

/// <summary>Wakes this replica's processor when an event was just stored, instead of waiting for its next poll.</summary>
internal sealed class EventSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the processor will look once, which covers this event too.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => semaphore.Dispose();
}
