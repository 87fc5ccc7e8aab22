using Grpc.Core;
using Platform.ServiceDefaults.Batching;
using Platform.Validation.Licensing;

namespace Platform.Validation.Cache;

/// <summary>
/// The reads of cache misses, coalesced (<see cref="CoalescedReads{TKey, TValue}"/>): a burst of cold keys costs Licensing
/// and Postgres one <c>GetLicensesByKeys</c> call and one query per batch of up to
/// <see cref="GetLicensesByKeysRequest.MaxKeys"/> instead of one per key. A key alone is read with <c>GetLicenseByKey</c>.
/// </summary>
/// <remarks>Two reads in flight keep both cores busy (one is answered while the next is sent) without queueing behind many.</remarks>
internal sealed class MissReads(LicensingClient licensing) : CoalescedReads<string, LicenseSnapshot>(GetLicensesByKeysRequest.MaxKeys, maxReadsInFlight: 2)
{
    protected override async Task<IReadOnlyDictionary<string, LicenseSnapshot>> ReadBatchAsync(IReadOnlyList<string> keys)
    {
        var byKey = new Dictionary<string, LicenseSnapshot>(keys.Count, StringComparer.Ordinal);
        if (keys.Count == 1)
        {
            if (await ReadOneAsync(keys[0]) is { } snapshot)
            {
                byKey.Add(keys[0], snapshot);
            }

            return byKey;
        }

        var response = await licensing.GetLicensesByKeysAsync(keys, CancellationToken.None);
        foreach (var snapshot in response.Licenses)
        {
            byKey.TryAdd(snapshot.Key, snapshot);
        }

        return byKey;
    }

    private async Task<LicenseSnapshot?> ReadOneAsync(string key)
    {
        try
        {
            return await licensing.GetLicenseByKeyAsync(key, CancellationToken.None);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
    }
}
