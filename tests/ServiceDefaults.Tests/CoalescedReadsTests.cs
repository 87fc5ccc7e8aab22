using System.Collections.Concurrent;
using System.Threading.Channels;
using Platform.ServiceDefaults.Batching;

namespace Platform.ServiceDefaults.Tests;

public sealed class CoalescedReadsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ALoneKeyIsReadAtOnceOnItsOwn()
    {
        var store = new Store();
        var reads = new StoreReads(store, maxBatch: 10, maxReadsInFlight: 2);

        var answer = reads.ReadAsync("a");
        (await store.NextStartedAsync()).Release();

        Assert.Equal("value of a", await answer.WaitAsync(Patience));
        Assert.Equal([["a"]], store.Batches);
    }

    [Fact]
    public async Task KeysAskedForWhileTheReadsAreBusyWaitAndAreReadTogetherInBatchesOfAtMostTheLimit()
    {
        var store = new Store();
        var reads = new StoreReads(store, maxBatch: 3, maxReadsInFlight: 2);
        var first = reads.ReadAsync("a");
        var readingA = await store.NextStartedAsync();
        var second = reads.ReadAsync("b");
        var readingB = await store.NextStartedAsync();

        // Both reads are under way: these wait. A key asked twice among them is read once and answers both.
        var waiting = new[] { "c", "d", "c", "e", "f", "missing" }.Select(reads.ReadAsync).ToArray();
        Assert.Equal(0, store.Started.Reader.Count);

        // The read that finishes takes the queue, three distinct keys at a time, then the rest.
        readingA.Release();
        var next = await store.NextStartedAsync();
        Assert.Equal(["c", "d", "e"], next.Keys);
        next.Release();
        var last = await store.NextStartedAsync();
        Assert.Equal(["f", "missing"], last.Keys);
        last.Release();
        readingB.Release();

        Assert.Equal(new string?[] { "value of a", "value of b" }, await Task.WhenAll(first, second).WaitAsync(Patience));
        Assert.Equal(new string?[] { "value of c", "value of d", "value of c", "value of e", "value of f", null }, await Task.WhenAll(waiting).WaitAsync(Patience));
        Assert.Equal(4, store.Batches.Length);
    }

    [Fact]
    public async Task AFailedReadFailsEveryCallerInItsBatchAndTheNextReadStillRuns()
    {
        var store = new Store();
        var reads = new StoreReads(store, maxBatch: 10, maxReadsInFlight: 1);
        var busy = reads.ReadAsync("a");
        var blocked = await store.NextStartedAsync();
        var doomed = new[] { reads.ReadAsync("b"), reads.ReadAsync("c") };
        blocked.Release();
        (await store.NextStartedAsync()).Fail(new InvalidOperationException("the store is down"));

        Assert.Equal("value of a", await busy.WaitAsync(Patience));
        foreach (var read in doomed)
        {
            Assert.Equal("the store is down", (await Assert.ThrowsAsync<InvalidOperationException>(() => read.WaitAsync(Patience))).Message);
        }

        var later = reads.ReadAsync("d");
        (await store.NextStartedAsync()).Release();
        Assert.Equal("value of d", await later.WaitAsync(Patience));
    }

    private sealed class StoreReads(Store store, int maxBatch, int maxReadsInFlight) : CoalescedReads<string, string>(maxBatch, maxReadsInFlight)
    {
        protected override Task<IReadOnlyDictionary<string, string>> ReadBatchAsync(IReadOnlyList<string> keys) => store.ReadAsync(keys);
    }

    /// <summary>A store whose reads wait until the test releases or fails them, and which records the keys of each.</summary>
    private sealed class Store
    {
        private readonly ConcurrentQueue<string[]> batches = new();

        public Channel<PendingRead> Started { get; } = Channel.CreateUnbounded<PendingRead>();

        public string[][] Batches => [.. batches];

        public async Task<IReadOnlyDictionary<string, string>> ReadAsync(IReadOnlyList<string> keys)
        {
            var read = new PendingRead([.. keys]);
            batches.Enqueue(read.Keys);
            Started.Writer.TryWrite(read);
            await read.Go.Task;
            return read.Keys.Where(k => k != "missing").ToDictionary(k => k, k => $"value of {k}");
        }

        public async Task<PendingRead> NextStartedAsync() => await Started.Reader.ReadAsync().AsTask().WaitAsync(Patience);
    }

    private sealed record PendingRead(string[] Keys)
    {
        public TaskCompletionSource Go { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => Go.SetResult();

        public void Fail(Exception ex) => Go.SetException(ex);
    }
}
