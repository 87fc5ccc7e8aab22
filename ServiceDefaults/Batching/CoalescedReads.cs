using System.Threading.Channels;

namespace Platform.ServiceDefaults.Batching;

/// <summary>
/// Reads by key, coalesced. A key asked for while fewer than <c>maxReadsInFlight</c> reads are under way is read at
/// once (alone, or with whatever else is queued); a key asked for while that many are under way waits for the next
/// read, which takes every key queued meanwhile, up to <c>maxBatch</c>. Concurrent callers thus cost the store one
/// read per batch instead of one per key, and a lone caller waits for no company.
/// </summary>
/// <remarks>
/// A read is never cancelled on behalf of one caller: the others in its batch still want the answer. A caller that
/// stops waiting leaves with <see cref="Task.WaitAsync(CancellationToken)"/>. When a read fails, every caller in its
/// batch gets the exception.
/// </remarks>
public abstract class CoalescedReads<TKey, TValue>(int maxBatch, int maxReadsInFlight)
    where TKey : notnull
    where TValue : class
{
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>();
    private int inFlight;

    /// <summary>The value of <paramref name="key"/>, or null when the store has none.</summary>
    public Task<TValue?> ReadAsync(TKey key)
    {
        var pending = new Pending(key, new TaskCompletionSource<TValue?>(TaskCreationOptions.RunContinuationsAsynchronously));
        queue.Writer.TryWrite(pending);
        StartReaderIfIdle();
        return pending.Answer.Task;
    }

    /// <summary>Reads the distinct <paramref name="keys"/> and answers the value of each key found; keys left out answer null.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> ReadBatchAsync(IReadOnlyList<TKey> keys);

    private void StartReaderIfIdle()
    {
        while (true)
        {
            var running = Volatile.Read(ref inFlight);
            if (running >= maxReadsInFlight || !queue.Reader.TryPeek(out _))
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
        var keys = new List<TKey>();
        var seen = new HashSet<TKey>();
        while (true)
        {
            batch.Clear();
            keys.Clear();
            seen.Clear();
            while (keys.Count < maxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                if (seen.Add(next.Key))
                {
                    keys.Add(next.Key);
                }
            }

            if (batch.Count == 0)
            {
                Interlocked.Decrement(ref inFlight);
                // A key queued between the last TryRead and the decrement would otherwise wait for the next caller.
                StartReaderIfIdle();
                return;
            }

            await AnswerAsync(batch, keys);
        }
    }

    private async Task AnswerAsync(List<Pending> batch, List<TKey> keys)
    {
        try
        {
            var found = await ReadBatchAsync(keys);
            foreach (var pending in batch)
            {
                pending.Answer.TrySetResult(found.GetValueOrDefault(pending.Key));
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

    private sealed record Pending(TKey Key, TaskCompletionSource<TValue?> Answer);
}
