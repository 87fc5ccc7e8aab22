using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Validation.Cache;

/// <summary>
/// A concurrent map bounded to <c>capacity</c> entries with approximate least-recently-used eviction: a read
/// only stamps the entry (no lock on the hot path); when an insert takes the map past its bound, one thread
/// removes the least recently used tenth.
/// </summary>
internal sealed class LruMap<TValue>(int capacity, Action<string, TValue>? evicted = null) where TValue : class
{
    private readonly ConcurrentDictionary<string, Slot> slots = new(StringComparer.Ordinal);
    private readonly Lock trimming = new();
    private int count;

    public int Count => Volatile.Read(ref count);

    public bool TryGet(string key, out TValue value)
    {
        if (slots.TryGetValue(key, out var slot))
        {
            slot.Touch();
            value = slot.Value;
            return true;
        }

        value = null!;
        return false;
    }

    public void Set(string key, TValue value)
    {
        var slot = new Slot(value);
        while (true)
        {
            if (slots.TryAdd(key, slot))
            {
                if (Interlocked.Increment(ref count) > capacity)
                {
                    Trim();
                }

                return;
            }

            if (slots.TryGetValue(key, out var existing) && slots.TryUpdate(key, slot, existing))
            {
                return;
            }
        }
    }

    /// <summary>Removes the entry only while it is still <paramref name="expected"/>.</summary>
    public bool Remove(string key, TValue expected)
    {
        if (slots.TryGetValue(key, out var slot) && ReferenceEquals(slot.Value, expected) && slots.TryRemove(KeyValuePair.Create(key, slot)))
        {
            Interlocked.Decrement(ref count);
            return true;
        }

        return false;
    }

    public bool Remove(string key)
    {
        if (slots.TryRemove(key, out _))
        {
            Interlocked.Decrement(ref count);
            return true;
        }

        return false;
    }

    private void Trim()
    {
        if (!trimming.TryEnter())
        {
            return; // another thread is trimming already
        }

        try
        {
            var excess = Count - capacity;
            if (excess <= 0)
            {
                return;
            }

            var victims = slots.ToArray();
            Array.Sort(victims, static (a, b) => a.Value.LastUsed.CompareTo(b.Value.LastUsed));
            var remove = Math.Min(victims.Length, excess + (capacity / 10));
            for (var i = 0; i < remove; i++)
            {
                if (slots.TryRemove(victims[i]))
                {
                    Interlocked.Decrement(ref count);
                    evicted?.Invoke(victims[i].Key, victims[i].Value.Value);
                }
            }
        }
        finally
        {
            trimming.Exit();
        }
    }

    private sealed class Slot(TValue value)
    {
        private long lastUsed = Stopwatch.GetTimestamp();

        public TValue Value { get; } = value;
        public long LastUsed => Volatile.Read(ref lastUsed);

        public void Touch() => Volatile.Write(ref lastUsed, Stopwatch.GetTimestamp());
    }
}
