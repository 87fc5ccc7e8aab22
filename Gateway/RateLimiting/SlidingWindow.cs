namespace Platform.Gateway.RateLimiting;

/// <summary>
/// One partition's sliding window, counted in one-second slots: a request counts from its second until the window has
/// passed over it, so the next request is admitted exactly when the oldest counted second leaves the window.
/// </summary>
internal sealed class SlidingWindow(int seconds)
{
    private readonly int[] counts = new int[seconds];
    private long latest;
    private int total;

    /// <summary>The last second a request was counted in (for sweeping idle windows).</summary>
    public long Latest => Volatile.Read(ref latest);

    /// <summary>Counts a request at <paramref name="second"/> (unix seconds) if fewer than <paramref name="limit"/> are in the window.</summary>
    public RateDecision TryAcquire(long second, int limit)
    {
        lock (counts)
        {
            Advance(second);
            if (total < limit)
            {
                counts[Slot(latest)]++;
                total++;
                // The whole limit is back once this second has left the window.
                return new RateDecision(true, limit - total, latest + seconds);
            }

            return new RateDecision(false, 0, OldestCounted() + seconds);
        }
    }

    /// <summary>Moves the window to <paramref name="second"/>, emptying the slots of the seconds it leaves behind.</summary>
    private void Advance(long second)
    {
        // A clock that steps back counts in the latest second rather than in one the window already left.
        if (second <= latest)
        {
            return;
        }

        for (var s = Math.Max(latest + 1, second - seconds + 1); s <= second; s++)
        {
            ref var count = ref counts[Slot(s)];
            total -= count;
            count = 0;
        }

        Volatile.Write(ref latest, second);
    }

    private long OldestCounted()
    {
        for (var s = latest - seconds + 1; s < latest; s++)
        {
            if (counts[Slot(s)] > 0)
            {
                return s;
            }
        }

        return latest;
    }

    private int Slot(long second) => (int)(second % seconds);
}

/// <summary>Whether a request was admitted, the requests left, and the unix second the answer's <c>X-RateLimit-Reset</c> names.</summary>
internal readonly record struct RateDecision(bool Admitted, int Remaining, long ResetAt);
