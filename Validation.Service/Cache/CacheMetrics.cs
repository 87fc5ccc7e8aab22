using System.Diagnostics.Metrics;

namespace Platform.Validation.Cache;

/// <summary>
/// The cache's counters and its hit ratio since the service started, on the meter <c>Platform.Validation</c>
/// (exported over OTLP with the rest).
/// </summary>
internal sealed class CacheMetrics
{
    public const string MeterName = "Platform.Validation";

    private readonly Counter<long> hits;
    private readonly Counter<long> misses;
    private readonly Counter<long> fetches;
    private readonly Counter<long> evictions;
    private long hitCount;
    private long missCount;

    public CacheMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        hits = meter.CreateCounter<long>("validation.cache.hits", description: "Lookups answered from the cache (including remembered unknown keys).");
        misses = meter.CreateCounter<long>("validation.cache.misses", description: "Lookups that had to wait for Licensing.");
        fetches = meter.CreateCounter<long>("validation.cache.fetches", description: "GetLicenseByKey calls made to Licensing.");
        evictions = meter.CreateCounter<long>("validation.cache.event_evictions", description: "Snapshots dropped because a license event announced a newer version.");
        meter.CreateObservableGauge("validation.cache.hit_ratio", HitRatio, unit: "1", description: "Share of lookups answered from the cache since the service started.");
    }

    public void Hit()
    {
        Interlocked.Increment(ref hitCount);
        hits.Add(1);
    }

    public void Miss()
    {
        Interlocked.Increment(ref missCount);
        misses.Add(1);
    }

    public void Fetch() => fetches.Add(1);
    public void EventEviction() => evictions.Add(1);

    private double HitRatio()
    {
        var hit = Volatile.Read(ref hitCount);
        var total = hit + Volatile.Read(ref missCount);
        return total == 0 ? 0 : (double)hit / total;
    }
}
