using System.IO.Hashing;
using System.Text.Json;
using Google.Protobuf;
using Platform.Validation.Model;

namespace Platform.Validation.Cache;

/// <summary>
/// A snapshot as the cache holds it: what the checks and the answer need, worked out once, not per request.
/// </summary>
/// <remarks>
/// Flat on purpose. A cold burst adds thousands of entries a second, and each survives the garbage collections that
/// follow, so their cost is paid in pauses: the protobuf message (about 40 objects with its repeated fields, map and
/// timestamps) is not kept, strings many licenses share come from one pool, and small sets are plain arrays.
/// </remarks>
internal sealed class CachedLicense
{
    private readonly UInt128 contentHash;
    private long fetchedAt;
    private long refreshAt;
    private byte[]? viewJson;

    public CachedLicense(LicenseSnapshot snapshot, long fetchedAt, long refreshAt)
    {
        contentHash = ContentHash(snapshot);
        this.fetchedAt = fetchedAt;
        this.refreshAt = refreshAt;
        View = LicenseView.Of(snapshot);
        TenantId = LicenseView.Shared(snapshot.TenantId);
        Environment = LicenseView.Shared(snapshot.Environment);
        ExpiryBehavior = LicenseView.Shared(snapshot.ExpiryBehavior);
        RequiresActivation = snapshot.RequiresActivation;
        DomainsFixed = snapshot.DomainsFixed;
        MaxDomains = snapshot.HasMaxDomains ? snapshot.MaxDomains : null;
        OfflineGraceSeconds = snapshot.OfflineGraceSeconds;
        Version = snapshot.Version;
        Features = NameSet.Of(View.Features);
        Machines = NameSet.Of([.. snapshot.MachineFingerprints]);
        Domains = NameSet.Of(NormalizedDomains(View.Domains));
    }

    /// <summary>When it was last read from Licensing (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
    public long FetchedAt => Volatile.Read(ref fetchedAt);

    /// <summary>From when a hit also starts a background read, so that a hot key is renewed before its maximum age.</summary>
    public long RefreshAt => Volatile.Read(ref refreshAt);

    /// <summary>The license as answers show it; its <see cref="LicenseView.Id"/> is the license's id.</summary>
    public LicenseView View { get; }

    /// <summary>
    /// <see cref="View"/> as JSON, serialized on its first valid answer and copied into every later one
    /// (<see cref="Platform.Validation.Apis.ValidAnswerResult"/>). Two threads may both serialize it first; either result is the same.
    /// </summary>
    public byte[] ViewJson => viewJson ??= Pinned(JsonSerializer.SerializeToUtf8Bytes(View, Platform.Validation.Apis.ValidationJsonContext.Default.LicenseView));

    public string LicenseId => View.Id;
    public string TenantId { get; }
    public string Environment { get; }
    public string Status => View.Status;
    public string ProductId => View.ProductId;

    /// <summary>What the license does once expired (<see cref="LicenseRules"/>).</summary>
    public string ExpiryBehavior { get; }
    public bool RequiresActivation { get; }

    /// <summary>True when <see cref="Domains"/> is a fixed list; false when domains are bound on first use up to <see cref="MaxDomains"/>.</summary>
    public bool DomainsFixed { get; }
    public int? MaxDomains { get; }
    public int OfflineGraceSeconds { get; }
    public long Version { get; }
    public NameSet Features { get; }
    public NameSet Machines { get; }

    /// <summary>The license's domains, normalized (<see cref="DomainName.Normalize"/>).</summary>
    public NameSet Domains { get; }
    public DateTimeOffset? ExpiresAt => View.ExpiresAt;
    public DateTimeOffset? KeyValidUntil => View.KeyValidUntil;

    /// <summary>
    /// Whether <paramref name="snapshot"/> says what this entry was made from: the same encoding (by a 128-bit hash, so the
    /// entry need not keep it). A map written in another order reads as a change, which costs a new entry, nothing else.
    /// </summary>
    public bool IsFrom(LicenseSnapshot snapshot) => ContentHash(snapshot) == contentHash;

    /// <summary>
    /// A renewal read the same snapshot again: its age starts over, and the entry stays (a hot key renewed every
    /// minute would otherwise leave a whole entry behind for the garbage collector's older generations each time).
    /// </summary>
    public void ReadAgain(long fetchedAt, long refreshAt)
    {
        Volatile.Write(ref this.refreshAt, refreshAt);
        Volatile.Write(ref this.fetchedAt, fetchedAt);
    }

    /// <summary>
    /// A copy on the pinned object heap, which the collector never moves: the JSON is an entry's largest part and lives
    /// as long as the entry, and an entry made in a cold burst would otherwise be copied by two collections (into
    /// generation 1, then 2) while requests wait.
    /// </summary>
    private static byte[] Pinned(byte[] json)
    {
        var pinned = GC.AllocateUninitializedArray<byte>(json.Length, pinned: true);
        json.CopyTo(pinned, 0);
        return pinned;
    }

    private static UInt128 ContentHash(LicenseSnapshot snapshot) => XxHash128.HashToUInt128(snapshot.ToByteArray());

    /// <summary>The view's own array when its domains are normalized already (as Licensing stores them), else a normalized copy.</summary>
    private static string[] NormalizedDomains(string[] domains)
    {
        foreach (var domain in domains)
        {
            if (!string.Equals(DomainName.Normalize(domain), domain, StringComparison.Ordinal))
            {
                return [.. domains.Select(DomainName.Normalize)];
            }
        }

        return domains;
    }
}
