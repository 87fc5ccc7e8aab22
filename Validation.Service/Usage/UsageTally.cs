using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Google.Protobuf.WellKnownTypes;
using Platform.Validation.Licensing;

namespace Platform.Validation.Usage;

/// <summary>
/// Identical validations folded into one count per license, result, domain and machine, in place: adding an
/// entry allocates nothing, and the table keeps its storage from one report to the next. The records Licensing
/// receives are built only when a report is sent, so none of them lives from one garbage collection to the next.
/// </summary>
internal sealed class UsageTally(int maxRecords)
{
    private readonly Dictionary<UsageKey, Tally> tallies = [];

    /// <summary>How many distinct records are held.</summary>
    public int Count => tallies.Count;

    /// <summary>Counts the entry; false when it is a new record and the tally already holds its maximum.</summary>
    public bool Add(in UsageEntry entry) =>
        Add(new UsageKey(entry.LicenseId, entry.Result, entry.Domain, entry.Fingerprint), 1, entry.At);

    /// <summary>Adds every record of <paramref name="other"/>; returns how many validations did not fit.</summary>
    public long AddAll(UsageTally other)
    {
        long lost = 0;
        foreach (var (key, tally) in other.tallies)
        {
            if (!Add(key, tally.Count, tally.LastAt))
            {
                lost += tally.Count;
            }
        }

        return lost;
    }

    private bool Add(UsageKey key, int count, DateTimeOffset at)
    {
        ref var tally = ref tallies.Count < maxRecords
            ? ref CollectionsMarshal.GetValueRefOrAddDefault(tallies, key, out _)
            : ref CollectionsMarshal.GetValueRefOrNullRef(tallies, key);
        if (Unsafe.IsNullRef(ref tally))
        {
            return false;
        }

        tally.Count = (int)Math.Min((long)tally.Count + count, int.MaxValue);
        if (at > tally.LastAt)
        {
            tally.LastAt = at;
        }

        return true;
    }

    /// <summary>
    /// Up to <paramref name="max"/> records as one <c>RecordUsage</c> request, removed from the tally (the reporter
    /// keeps the request until Licensing has answered it).
    /// </summary>
    public RecordUsageRequest Take(int max)
    {
        var request = new RecordUsageRequest();
        request.Records.Capacity = Math.Min(max, tallies.Count);
        foreach (var (key, tally) in tallies)
        {
            if (request.Records.Count == max)
            {
                break;
            }

            request.Records.Add(new UsageRecord
            {
                LicenseId = key.LicenseId,
                Result = key.Result,
                Domain = key.Domain,
                Fingerprint = key.Fingerprint,
                OccurredAt = Timestamp.FromDateTimeOffset(tally.LastAt),
                Count = tally.Count,
            });
        }

        foreach (var record in request.Records)
        {
            tallies.Remove(KeyOf(record));
        }

        return request;
    }

    /// <summary>Forgets every record (Licensing took them), keeping the storage.</summary>
    public void Clear() => tallies.Clear();

    private static UsageKey KeyOf(UsageRecord record) => new(record.LicenseId, record.Result, record.Domain, record.Fingerprint);

    private readonly record struct UsageKey(string LicenseId, string Result, string Domain, string Fingerprint);

    private struct Tally
    {
        public int Count;
        public DateTimeOffset LastAt;
    }
}
