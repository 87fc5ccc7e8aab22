using Npgsql;
using Platform.Protos.Licensing.V1;
using Platform.ServiceDefaults.Batching;

namespace Platform.Licensing.Grpc;

/// <summary>
/// Snapshots by key, read on a connection of their own. <see cref="CoalescedReads{TKey, TValue}.ReadAsync"/> coalesces
/// concurrent <c>GetLicenseByKey</c> calls (each Validation replica sends one for a key that misses alone, so several
/// replicas missing at once arrive together) into one query per batch, as <see cref="CoalescedReads{TKey, TValue}"/>
/// describes: under load, Postgres then runs one statement for many keys instead of one each.
/// </summary>
/// <remarks>Two reads in flight keep Postgres busy (one is answered while the next is sent) without queueing behind many.</remarks>
internal sealed class SnapshotReads(NpgsqlDataSource dataSource) : CoalescedReads<string, LicenseSnapshot>(GetLicensesByKeysRequest.MaxKeys, maxReadsInFlight: 2)
{
    /// <summary>The snapshots of the licenses with these keys, as <see cref="LicenseSnapshots.FindByKeysAsync"/>.</summary>
    public async Task<List<LicenseSnapshot>> FindAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await LicenseSnapshots.FindByKeysAsync(connection, keys, cancellationToken);
    }

    protected override async Task<IReadOnlyDictionary<string, LicenseSnapshot>> ReadBatchAsync(IReadOnlyList<string> keys)
    {
        var byKey = new Dictionary<string, LicenseSnapshot>(keys.Count, StringComparer.Ordinal);
        foreach (var snapshot in await FindAsync(keys, CancellationToken.None))
        {
            byKey.TryAdd(snapshot.Key, snapshot);
        }

        return byKey;
    }
}
