using System.Threading.Channels;

namespace Platform.Validation.Usage;

/// <summary>
/// Validations waiting to be reported, bounded: the request path only writes here (never waits); while the
/// queue is full, further validations are not counted (and the drop is counted in the log).
/// </summary>
internal sealed class UsageQueue(IOptions<ValidationOptions> options)
{
    private readonly Channel<UsageEntry> channel = Channel.CreateBounded<UsageEntry>(
        new BoundedChannelOptions(options.Value.UsageQueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long dropped;

    public ChannelReader<UsageEntry> Reader => channel.Reader;

    public void Add(UsageEntry entry)
    {
        if (!channel.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref dropped);
        }
    }

    /// <summary>How many entries were dropped since the last call.</summary>
    public long TakeDropped() => Interlocked.Exchange(ref dropped, 0);
}
