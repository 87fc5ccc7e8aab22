using System.ComponentModel.DataAnnotations;

namespace Platform.Validation.Extensions;

/// <summary>
/// Settings of the <c>Validation</c> section (environment <c>Validation__…</c>), checked at start: a value out of
/// its range stops the service with a message naming the setting.
/// </summary>
internal sealed class ValidationOptions
{
    public const string Section = "Validation";

    /// <summary>How many license snapshots the cache holds at most; the least recently used go first.</summary>
    [Range(1, int.MaxValue)]
    public int CacheMaxEntries { get; set; } = 200_000;

    /// <summary>How many unknown keys are remembered at most (kept apart, so made-up keys cannot push real ones out).</summary>
    [Range(1, int.MaxValue)]
    public int NegativeCacheMaxEntries { get; set; } = 50_000;

    /// <summary>How long an unknown key is answered LICENSE_NOT_FOUND without asking Licensing again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan NegativeCacheTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The staleness bound: a snapshot older than this is fetched again before it is used, even if no event
    /// arrived (the broker may be down). With Licensing unreachable the older snapshot is answered, marked.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The deadline of each call to Licensing.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan LicensingTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often counted usage is sent to Licensing.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan UsageFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Distinct (license, result, domain, machine) usage records held between two reports (shared by the counting
    /// stripes), and in the batch waiting to be sent; validations that would add more are not counted (the drop is logged).
    /// </summary>
    [Range(1, int.MaxValue)]
    public int UsageMaxRecords { get; set; } = 100_000;
}
