namespace Platform.Gateway.Proxy;

/// <summary>
/// Reset <see cref="CancellationTokenSource"/>s kept for the next requests, at most <see cref="Capacity"/>: a request's
/// upstream timeout then costs neither an allocation nor a new timer. A queue with its own count, since a
/// <c>ConcurrentBag</c>'s count locks every thread's list (it was about 1 % of the Gateway's CPU under load).
/// </summary>
internal sealed class TimeoutPool
{
    public const int Capacity = 1024;

    private readonly System.Collections.Concurrent.ConcurrentQueue<CancellationTokenSource> pooled = new();
    private int count;

    /// <summary>A source that is not cancelled and has no timer running.</summary>
    public CancellationTokenSource Rent()
    {
        if (pooled.TryDequeue(out var source))
        {
            Interlocked.Decrement(ref count);
            return source;
        }

        return new CancellationTokenSource();
    }

    /// <summary>Keeps the source for another request if it can be reset and there is room; disposes it otherwise.</summary>
    public void Return(CancellationTokenSource source)
    {
        if (!source.TryReset())
        {
            source.Dispose();
            return;
        }

        if (Interlocked.Increment(ref count) <= Capacity)
        {
            pooled.Enqueue(source);
            return;
        }

        Interlocked.Decrement(ref count);
        source.Dispose();
    }
}
