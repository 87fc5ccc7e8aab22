using System.Collections;

namespace Platform.ServiceDefaults.Grpc;

/// <summary>
/// Call metadata (request headers, response headers or trailers). Keys are lower-case; a key ending
/// in <c>-bin</c> carries bytes (base64 on the wire), any other key an ASCII string.
/// </summary>
public sealed class Metadata : IEnumerable<Metadata.Entry>
{
    public const string BinarySuffix = "-bin";
    private readonly List<Entry> entries = [];

    public int Count => entries.Count;

    public void Add(string key, string value)
    {
        var normalized = NormalizeKey(key);
        if (IsBinaryKey(normalized))
        {
            throw new ArgumentException($"Metadata key '{key}' ends in -bin and takes bytes.", nameof(key));
        }

        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException($"The value of metadata '{key}' must be printable ASCII; use a -bin key for other data.", nameof(value));
            }
        }

        entries.Add(new Entry(normalized, value, null));
    }

    public void Add(string key, byte[] value)
    {
        var normalized = NormalizeKey(key);
        if (!IsBinaryKey(normalized))
        {
            throw new ArgumentException($"Metadata key '{key}' must end in -bin to carry bytes.", nameof(key));
        }

        entries.Add(new Entry(normalized, null, value));
    }

    public void Add(Entry entry)
    {
        if (entry.ValueBytes is { } bytes)
        {
            Add(entry.Key, bytes);
        }
        else
        {
            Add(entry.Key, entry.Value ?? "");
        }
    }

    public Entry? Get(string key)
    {
        var normalized = key.ToLowerInvariant();
        return entries.LastOrDefault(e => e.Key == normalized);
    }

    public string? GetValue(string key) => Get(key)?.Value;

    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    public IEnumerator<Entry> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Keys are <c>[0-9a-z_.-]</c>; upper case is folded, as HTTP/2 requires lower-case names.</summary>
    private static string NormalizeKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var lower = key.ToLowerInvariant();
        foreach (var c in lower)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '.'))
            {
                throw new ArgumentException($"Metadata key '{key}' has a character outside [0-9a-z_.-].", nameof(key));
            }
        }

        if (lower.StartsWith("grpc-", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Metadata key '{key}' is reserved for gRPC itself.", nameof(key));
        }

        return lower;
    }

    /// <summary>One key and its value: <see cref="Value"/> for ASCII keys, <see cref="ValueBytes"/> for -bin keys.</summary>
    public sealed record Entry(string Key, string? Value, byte[]? ValueBytes)
    {
        public bool IsBinary => ValueBytes is not null;
    }
}
