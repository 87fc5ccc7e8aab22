using System.Threading.Channels;
using Grpc.Core;
using Platform.Validation.Licensing;

namespace Platform.Validation.Cache;

/// <summary>
/// The reads of cache misses, coalesced: a key that misses while <see cref="MaxReadsInFlight"/> reads are under way waits
/// for the next read, which takes every key queued meanwhile (up to <see cref="GetLicensesByKeysRequest.MaxKeys"/>) in one
/// <c>GetLicensesByKeys</c> call, so a burst of cold keys costs Licensing and Postgres one call and one query per batch
/// instead of one per key. A key alone is read with <c>GetLicenseByKey</c>, without waiting for company.
/// </summary>
internal sealed class MissReads(LicensingClient licensing)
{
    /// <summary>Two reads in flight keep both cores busy (one is answered while the next is sent) without queueing behind many.</summary>
    public const int MaxReadsInFlight = 2;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>();
    private int inFlight;

    /// <summary>The license that has <paramref name="key"/> (a canonical key), or null when none has it.</summary>
    public Task<LicenseSnapshot?> ReadAsync(string key)
    {
        var pending = new Pending(key, new TaskCompletionSource<LicenseSnapshot?>(TaskCreationOptions.RunContinuationsAsynchronously));
        queue.Writer.TryWrite(pending);
        StartReaderIfIdle();
        return pending.Answer.Task;
    }

    private void StartReaderIfIdle()
    {
        while (true)
        {
            var running = Volatile.Read(ref inFlight);
            if (running >= MaxReadsInFlight || !queue.Reader.TryPeek(out _))
            {
                return;
            }

            if (Interlocked.CompareExchange(ref inFlight, running + 1, running) == running)
            {
                _ = Task.Run(ReadQueuedAsync);
                return;
            }
        }
    }

    private async Task ReadQueuedAsync()
    {
        var batch = new List<Pending>();
        while (true)
        {
            batch.Clear();
            while (batch.Count < GetLicensesByKeysRequest.MaxKeys && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                Interlocked.Decrement(ref inFlight);
                // A key queued between the last TryRead and the decrement would otherwise wait for the next miss.
                StartReaderIfIdle();
                return;
            }

            await ReadBatchAsync(batch);
        }
    }

    private async Task ReadBatchAsync(List<Pending> batch)
    {
        try
        {
            if (batch.Count == 1)
            {
                batch[0].Answer.TrySetResult(await ReadOneAsync(batch[0].Key));
                return;
            }

            var response = await licensing.GetLicensesByKeysAsync(batch.Select(p => p.Key).Distinct(StringComparer.Ordinal), CancellationToken.None);
            var byKey = new Dictionary<string, LicenseSnapshot>(response.Licenses.Count, StringComparer.Ordinal);
            foreach (var snapshot in response.Licenses)
            {
                byKey.TryAdd(snapshot.Key, snapshot);
            }

            foreach (var pending in batch)
            {
                pending.Answer.TrySetResult(byKey.GetValueOrDefault(pending.Key));
            }
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.Answer.TrySetException(ex);
            }
        }
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

    private sealed record Pending(string Key, TaskCompletionSource<LicenseSnapshot?> Answer);
}
