using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Validation.Cache;

/// <summary>
/// The newest version each license event announced, kept for a short while, so that a snapshot read just before
/// the event (and arriving after it) is not cached. Entries older than the window are dropped: no read lasts that long.
/// </summary>
internal sealed class VersionFloor
{
    private const int PruneAbove = 10_000;
    private static readonly long Window = Stopwatch.Frequency * 60;
    private readonly ConcurrentDictionary<string, Floor> floors = new(StringComparer.Ordinal);

    public void Raise(string licenseId, long version)
    {
        var now = Stopwatch.GetTimestamp();
        floors.AddOrUpdate(licenseId, static (_, v) => new Floor(v.version, v.now), static (_, old, v) => new Floor(Math.Max(old.Version, v.version), v.now), (version, now));
        if (floors.Count > PruneAbove)
        {
            foreach (var (id, floor) in floors)
            {
                if (now - floor.At > Window)
                {
                    floors.TryRemove(KeyValuePair.Create(id, floor));
                }
            }
        }
    }

    public bool IsBelow(string licenseId, long version) =>
        floors.TryGetValue(licenseId, out var floor) && version < floor.Version && Stopwatch.GetTimestamp() - floor.At < Window;

    private sealed record Floor(long Version, long At);
}
