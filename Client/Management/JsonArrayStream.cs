using System.Runtime.CompilerServices;

namespace LicensePlatform.Client.Management;

/// <summary>
/// The items of one array property of a JSON object (<c>{"licenses":[…]}</c>), read from a stream as they arrive: only
/// the item being read is held in memory, however long the array is.
/// </summary>
internal static class JsonArrayStream
{
    private const int FirstBufferSize = 16 * 1024;

    public static async IAsyncEnumerable<T> ReadAsync<T>(Stream stream, string property, JsonSerializerOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var parser = new Parser<T>(property, options);
        var buffer = new byte[FirstBufferSize];
        var length = 0;
        var final = false;
        while (!parser.Done)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2); // one item is larger than the buffer
            }

            var read = await ReadChunkAsync(stream, buffer.AsMemory(length), cancellationToken);
            length += read;
            final = read == 0;
            var items = parser.Parse(buffer.AsSpan(0, length), final, out var consumed);
            buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
            length -= consumed;
            foreach (var item in items)
            {
                yield return item;
            }

            if (final && !parser.Done)
            {
                throw new LicensePlatformUnavailableException("The platform's answer ended before its JSON did.");
            }
        }
    }

    private static async Task<int> ReadChunkAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new LicensePlatformUnavailableException($"The platform's answer broke off: {ex.Message}", ex);
        }
    }

    private enum Phase
    {
        Start,
        Properties,
        ArrayStart,
        Items,
        Rest,
        Done,
    }

    /// <summary>Walks the JSON token by token across chunks, keeping the reader's state and where it is between them.</summary>
    private sealed class Parser<T>(string property, JsonSerializerOptions options)
    {
        private JsonReaderState state;
        private Phase phase;

        public bool Done => phase == Phase.Done;

        /// <summary>The items complete in <paramref name="data"/>; <paramref name="consumed"/> says how much of it was used.</summary>
        public List<T> Parse(ReadOnlySpan<byte> data, bool final, out int consumed)
        {
            var items = new List<T>();
            var reader = new Utf8JsonReader(data, final, state);
            try
            {
                while (phase != Phase.Done)
                {
                    var mark = reader;
                    if (!Step(ref reader, items))
                    {
                        reader = mark; // the rest of this step has not arrived yet
                        break;
                    }
                }
            }
            catch (JsonException ex)
            {
                throw new LicensePlatformUnavailableException($"The platform's answer could not be read: {ex.Message}", ex);
            }

            consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
            return items;
        }

        /// <summary>One token, or one whole item or skipped value; false when the data ends before it does.</summary>
        private bool Step(ref Utf8JsonReader reader, List<T> items)
        {
            if (!reader.Read())
            {
                return false;
            }

            switch (phase)
            {
                case Phase.Start:
                    Expect(reader, JsonTokenType.StartObject);
                    phase = Phase.Properties;
                    return true;
                case Phase.Properties or Phase.Rest when reader.TokenType == JsonTokenType.EndObject:
                    phase = phase == Phase.Rest ? Phase.Done : throw new JsonException($"The answer has no \"{property}\".");
                    return true;
                case Phase.Properties when reader.ValueTextEquals(property):
                    phase = Phase.ArrayStart;
                    return true;
                case Phase.Properties or Phase.Rest:
                    return reader.TrySkip();
                case Phase.ArrayStart:
                    Expect(reader, JsonTokenType.StartArray);
                    phase = Phase.Items;
                    return true;
                case Phase.Items when reader.TokenType == JsonTokenType.EndArray:
                    phase = Phase.Rest;
                    return true;
                default:
                    var item = reader;
                    if (!reader.TrySkip())
                    {
                        return false;
                    }

                    if (JsonSerializer.Deserialize<T>(ref item, options) is { } value)
                    {
                        items.Add(value);
                    }

                    return true;
            }
        }

        private static void Expect(Utf8JsonReader reader, JsonTokenType type)
        {
            if (reader.TokenType != type)
            {
                throw new JsonException($"Expected {type}, found {reader.TokenType}.");
            }
        }
    }
}
