using System.Text.Json;
using Platform.Validation.Model;

namespace Platform.Validation.Cache;

/// <summary>A snapshot as the cache holds it: with the sets and the answer view worked out once, not per request.</summary>
internal sealed class CachedLicense
{
    private long fetchedAt;
    private long refreshAt;
    private byte[]? viewJson;

    public CachedLicense(LicenseSnapshot snapshot, long fetchedAt, long refreshAt)
    {
        Snapshot = snapshot;
        this.fetchedAt = fetchedAt;
        this.refreshAt = refreshAt;
        View = LicenseView.Of(snapshot);
        Features = new HashSet<string>(snapshot.Features, StringComparer.Ordinal);
        Machines = new HashSet<string>(snapshot.MachineFingerprints, StringComparer.Ordinal);
        Domains = new HashSet<string>(snapshot.Domains.Select(DomainName.Normalize), StringComparer.Ordinal);
        ExpiresAt = LicenseView.Time(snapshot.ExpiresAt);
        KeyValidUntil = LicenseView.Time(snapshot.KeyValidUntil);
    }

    public LicenseSnapshot Snapshot { get; }

    /// <summary>When it was last read from Licensing (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
    public long FetchedAt => Volatile.Read(ref fetchedAt);

    /// <summary>From when a hit also starts a background read, so that a hot key is renewed before its maximum age.</summary>
    public long RefreshAt => Volatile.Read(ref refreshAt);

    public LicenseView View { get; }

    /// <summary>
    /// <see cref="View"/> as JSON, serialized on its first valid answer and copied into every later one
    /// (<see cref="Platform.Validation.Apis.ValidAnswerResult"/>). Two threads may both serialize it first; either result is the same.
    /// </summary>
    public byte[] ViewJson => viewJson ??= JsonSerializer.SerializeToUtf8Bytes(View, Platform.Validation.Apis.ValidationJsonContext.Default.LicenseView);
    public HashSet<string> Features { get; }
    public HashSet<string> Machines { get; }
    public HashSet<string> Domains { get; }
    public DateTimeOffset? ExpiresAt { get; }
    public DateTimeOffset? KeyValidUntil { get; }
    public long Version => Snapshot.Version;
    public string LicenseId => Snapshot.Id;

    /// <summary>
    /// A renewal read the same snapshot again: its age starts over, and the worked-out sets stay (a hot key renewed
    /// every minute would otherwise leave a whole entry behind for the garbage collector's older generations each time).
    /// </summary>
    public void ReadAgain(long fetchedAt, long refreshAt)
    {
        Volatile.Write(ref this.refreshAt, refreshAt);
        Volatile.Write(ref this.fetchedAt, fetchedAt);
    }
}
