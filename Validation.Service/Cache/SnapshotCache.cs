using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Grpc.Core;
using Platform.Validation.Licensing;

namespace Platform.Validation.Cache;

/// <summary>
/// License snapshots by canonical key, read from Licensing on a miss (<see cref="MissReads"/>: concurrent misses in one call). Bounded (LRU),
/// unknown keys remembered for a short time apart from the rest, one call per key however many requests
/// miss it at once, evicted by license events (by license id and version) and never older than the maximum
/// age while Licensing answers. A snapshot used after a random point between half and 85 % of the maximum age
/// is answered and queued for renewal: <see cref="SnapshotRenewer"/> reads the queued keys back in batches
/// (<c>GetLicensesByKeys</c>, one call for many keys), so a hot key is renewed before it expires, requests do not
/// wait for it, and renewing ten thousand hot keys costs Licensing a query a second rather than hundreds.
/// </summary>
internal sealed class SnapshotCache
{
    private readonly MissReads misses;
    private readonly ValidationOptions options;
    private readonly CacheMetrics metrics;
    private readonly ILogger<SnapshotCache> logger;
    private readonly LruMap<CachedLicense> licenses;
    private readonly LruMap<UnknownKey> unknown;
    private readonly ConcurrentDictionary<string, Lazy<Task<LookupResult>>> inFlight = new(StringComparer.Ordinal);
    /// <summary>The cached keys of each license (one, more while rotated keys still validate), an array replaced on change.</summary>
    private readonly ConcurrentDictionary<string, string[]> keysByLicense = new(StringComparer.Ordinal);
    private readonly VersionFloor floor = new();
    private readonly long maxAgeTicks;
    private readonly long negativeTtlTicks;
    private static readonly long RetryPause = Stopwatch.Frequency;
    private readonly ConcurrentDictionary<string, byte> due = new(StringComparer.Ordinal);
    private readonly Channel<string> dueQueue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private long licensingDownUntil;

    public SnapshotCache(MissReads misses, IOptions<ValidationOptions> options, CacheMetrics metrics, ILogger<SnapshotCache> logger)
    {
        this.misses = misses;
        this.options = options.Value;
        this.metrics = metrics;
        this.logger = logger;
        licenses = new LruMap<CachedLicense>(this.options.CacheMaxEntries, (key, license) => Unindex(license.LicenseId, key));
        unknown = new LruMap<UnknownKey>(this.options.NegativeCacheMaxEntries);
        maxAgeTicks = (long)(this.options.MaxAge.TotalSeconds * Stopwatch.Frequency);
        negativeTtlTicks = (long)(this.options.NegativeCacheTtl.TotalSeconds * Stopwatch.Frequency);
    }

    public int Count => licenses.Count;

    /// <summary>The snapshot for a canonical key.</summary>
    public async ValueTask<LookupResult> LookupAsync(string key, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        if (licenses.TryGet(key, out var cached))
        {
            if (now - cached.FetchedAt < maxAgeTicks)
            {
                metrics.Hit();
                if (now >= cached.RefreshAt)
                {
                    RenewLater(key, now);
                }

                return LookupResult.Found(cached);
            }

            // Past the staleness bound: ask again; if Licensing cannot answer, the old snapshot is better than nothing.
            var refreshed = await FetchAsync(key, now, cancellationToken);
            return refreshed.State == LookupState.Unavailable ? LookupResult.Found(cached, servedFromCache: true) : refreshed;
        }

        if (unknown.TryGet(key, out var missing))
        {
            if (now < missing.Until)
            {
                metrics.Hit();
                return LookupResult.NotFound;
            }

            unknown.Remove(key, missing);
        }

        return await FetchAsync(key, now, cancellationToken);
    }

    /// <summary>Takes a snapshot a write to Licensing answered with (activation, domain binding, seats).</summary>
    public CachedLicense Accept(string key, LicenseSnapshot snapshot)
    {
        var license = Entry(snapshot);
        Store(key, license);
        return license;
    }

    /// <summary>A license event: drop every snapshot of the license older than <paramref name="version"/>.</summary>
    public int Invalidate(string licenseId, long version)
    {
        floor.Raise(licenseId, version);
        if (!keysByLicense.TryGetValue(licenseId, out var keys))
        {
            return 0;
        }

        var dropped = 0;
        foreach (var key in keys)
        {
            if (licenses.TryGet(key, out var cached) && cached.Version < version && licenses.Remove(key, cached))
            {
                Unindex(licenseId, key);
                metrics.EventEviction();
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>A key that was unknown may exist now (a license was created with it).</summary>
    public void ForgetUnknown(string key) => unknown.Remove(key);

    /// <param name="seenAt">When the caller found no usable snapshot: one read since then is as good as its own.</param>
    private async ValueTask<LookupResult> FetchAsync(string key, long seenAt, CancellationToken cancellationToken)
    {
        metrics.Miss();
        if (Stopwatch.GetTimestamp() < Volatile.Read(ref licensingDownUntil))
        {
            // Licensing just failed to answer: do not make every request wait for it to fail again.
            return LookupResult.Unavailable;
        }

        // The shared call runs under its own deadline; a caller that gives up stops waiting, not the call.
        return await SharedFetch(key, seenAt).WaitAsync(cancellationToken);
    }

    /// <summary>The keys queued for renewal, for <see cref="SnapshotRenewer"/>.</summary>
    public ChannelReader<string> Due => dueQueue.Reader;

    /// <summary>
    /// What a batch read answered for keys that were due: each snapshot still cached is replaced as a fetched one
    /// would be, or, when the license is just as it was, kept with its age started over (one trimmed or evicted
    /// meanwhile is not brought back); a key the answer leaves out no longer finds a license and is forgotten.
    /// </summary>
    public void Renewed(IReadOnlyCollection<string> keys, IEnumerable<LicenseSnapshot> snapshots)
    {
        var asked = keys.ToHashSet(StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            if (asked.Contains(snapshot.Key) && found.Add(snapshot.Key) && licenses.TryGet(snapshot.Key, out var current))
            {
                if (current.IsFrom(snapshot) && !floor.IsBelow(current.LicenseId, current.Version))
                {
                    var (fetchedAt, refreshAt) = Ages();
                    current.ReadAgain(fetchedAt, refreshAt);
                }
                else
                {
                    Store(snapshot.Key, Entry(snapshot));
                }
            }
        }

        foreach (var key in keys)
        {
            if (!found.Contains(key))
            {
                Forget(key);
            }

            due.TryRemove(key, out _);
        }
    }

    /// <summary>A batch read failed: the snapshots stay as they are (they are read one by one at their maximum age).</summary>
    public void RenewalFailed(IReadOnlyCollection<string> keys, Exception ex)
    {
        logger.LogWarning("Licensing did not answer GetLicensesByKeys for {Count} keys: {Reason}", keys.Count, ex.Message);
        if (ex is RpcException { StatusCode: StatusCode.Unavailable })
        {
            Volatile.Write(ref licensingDownUntil, Stopwatch.GetTimestamp() + RetryPause);
        }

        foreach (var key in keys)
        {
            due.TryRemove(key, out _);
        }
    }

    /// <summary>Queues the key for the next batch renewal, once, unless Licensing just failed to answer.</summary>
    private void RenewLater(string key, long now)
    {
        if (now >= Volatile.Read(ref licensingDownUntil) && due.TryAdd(key, 0))
        {
            dueQueue.Writer.TryWrite(key);
        }
    }

    /// <summary>The one read of a key in progress, started if there is none.</summary>
    private Task<LookupResult> SharedFetch(string key, long seenAt) =>
        // Lazy: GetOrAdd may run the factory more than once under a race, but only the stored one is started.
        inFlight.GetOrAdd(key, static (k, state) => new Lazy<Task<LookupResult>>(() => state.Self.FetchOnceAsync(k, state.SeenAt)), (Self: this, SeenAt: seenAt)).Value;

    private CachedLicense Entry(LicenseSnapshot snapshot)
    {
        var (fetchedAt, refreshAt) = Ages();
        return new CachedLicense(snapshot, fetchedAt, refreshAt);
    }

    /// <summary>Now, and the random point between half and 85 % of the maximum age from which a hit renews.</summary>
    private (long FetchedAt, long RefreshAt) Ages()
    {
        var now = Stopwatch.GetTimestamp();
        return (now, now + (long)(maxAgeTicks * (0.5 + (0.35 * Random.Shared.NextDouble()))));
    }

    private async Task<LookupResult> FetchOnceAsync(string key, long seenAt)
    {
        // Let GetOrAdd publish this task before it can complete and remove itself.
        await Task.Yield();
        if (licenses.TryGet(key, out var stored) && stored.FetchedAt >= seenAt)
        {
            // A read that completed between the caller's look and this one (its task already gone) answered for it.
            inFlight.TryRemove(key, out _);
            return LookupResult.Found(stored);
        }

        if (unknown.TryGet(key, out var missing) && missing.Until - negativeTtlTicks >= seenAt)
        {
            inFlight.TryRemove(key, out _);
            return LookupResult.NotFound;
        }

        try
        {
            metrics.Fetch();
            if (await misses.ReadAsync(key) is not { } snapshot)
            {
                // A key that was known (its snapshot past the maximum age) and is no more: forget the snapshot too.
                Forget(key);
                return LookupResult.NotFound;
            }

            var license = Entry(snapshot);
            Store(key, license);
            return LookupResult.Found(license);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Licensing did not answer a read of a missed key: {Reason}", ex.Message);
            if (ex is RpcException { StatusCode: StatusCode.Unavailable })
            {
                // Unreachable (not merely slow): let misses fail fast for a moment instead of each waiting to fail.
                Volatile.Write(ref licensingDownUntil, Stopwatch.GetTimestamp() + RetryPause);
            }

            return LookupResult.Unavailable;
        }
        finally
        {
            inFlight.TryRemove(key, out _);
        }
    }

    /// <summary>No license has the key (any more): its snapshot goes, and it is remembered as unknown for a while.</summary>
    private void Forget(string key)
    {
        if (licenses.TryGet(key, out var gone) && licenses.Remove(key, gone))
        {
            Unindex(gone.LicenseId, key);
        }

        unknown.Set(key, new UnknownKey(Stopwatch.GetTimestamp() + negativeTtlTicks));
    }

    private void Store(string key, CachedLicense license)
    {
        // A read that started before an event may bring back the version the event replaced: answer with it, do not keep it.
        if (floor.IsBelow(license.LicenseId, license.Version))
        {
            return;
        }

        if (licenses.TryGet(key, out var current) && current.Version > license.Version)
        {
            return;
        }

        // The entry's own copy of the key where it is the one asked for (not a rotated one): one string kept, not two.
        key = string.Equals(key, license.View.Key, StringComparison.Ordinal) ? license.View.Key : key;
        licenses.Set(key, license);
        unknown.Remove(key);
        keysByLicense.AddOrUpdate(license.LicenseId, static (_, k) => [k], static (_, keys, k) => keys.Contains(k) ? keys : [.. keys, k], key);
    }

    private void Unindex(string licenseId, string key)
    {
        while (keysByLicense.TryGetValue(licenseId, out var keys) && keys.Contains(key))
        {
            string[] rest = [.. keys.Where(k => k != key)];
            if (rest.Length == 0 ? keysByLicense.TryRemove(KeyValuePair.Create(licenseId, keys)) : keysByLicense.TryUpdate(licenseId, rest, keys))
            {
                return;
            }
        }
    }

    private sealed record UnknownKey(long Until);
}
