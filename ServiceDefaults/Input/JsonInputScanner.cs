using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults.Input;

/// <summary>
/// Finds, in one pass of <see cref="Utf8JsonReader"/> over a JSON body, the first text no route can store or act on:
/// a control character other than tab, line feed and carriage return (escaped, as <c>\u0000</c>, or raw DEL and C1),
/// invalid UTF-8 or a lone surrogate, in any property name or string value at any depth, and an object that names a
/// property twice; and a body that does not parse at all (400 <c>INVALID_JSON</c>), so that a route's serializer, which
/// stops at the first value of the wrong type, answers only bodies that are JSON (400 <c>VALIDATION_ERROR</c> naming the field).
/// </summary>
internal static class JsonInputScanner
{
    /// <summary>Tab, line feed and carriage return are text; every other C0 control, DEL and the C1 controls are not.</summary>
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), '\u007F',
         .. Enumerable.Range(0x80, 0x20).Select(c => (char)c)]);

    /// <summary>What is wrong with the body, naming the field (<c>licenses[2].key</c>); null when nothing is.</summary>
    public static InputProblem? FindProblem(ReadOnlySequence<byte> body)
    {
        var reader = new Utf8JsonReader(WithoutByteOrderMark(body));
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        CountValue(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        if (TextProblem(ref reader) is { } nameProblem)
                        {
                            return InputProblem.Invalid($"A field name {nameProblem}");
                        }

                        var frame = frames[^1];
                        frame.Name = reader.GetString()!;
                        if (!frame.Seen(frame.Name))
                        {
                            return InputProblem.Invalid($"The field '{Path(frames)}' appears twice in one object; send each field once.");
                        }

                        break;
                    case JsonTokenType.String:
                        CountValue(frames);
                        if (TextProblem(ref reader) is { } valueProblem)
                        {
                            return InputProblem.Invalid($"The field '{Path(frames)}' {valueProblem}");
                        }

                        break;
                    default:
                        CountValue(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return NotJson(frames, reader.BytesConsumed);
        }

        // The reader stops at the end of the bytes without asking that every object and array was closed.
        return reader.TokenType == JsonTokenType.None || reader.CurrentDepth != 0 ? NotJson(frames, reader.BytesConsumed) : null;
    }

    private static InputProblem NotJson(List<Frame> frames, long at)
    {
        var where = frames.Count > 0 && Path(frames) is { Length: > 0 } path ? $" at '{path}'" : "";
        return new InputProblem(ErrorCodes.InvalidJson, $"The request body is not valid JSON{where} (stopped at byte {at}).");
    }

    /// <summary>The body after a UTF-8 byte order mark, which the serializer skips as well.</summary>
    private static ReadOnlySequence<byte> WithoutByteOrderMark(ReadOnlySequence<byte> body)
    {
        if (body.Length < 3)
        {
            return body;
        }

        Span<byte> start = stackalloc byte[3];
        body.Slice(0, 3).CopyTo(start);
        return start.SequenceEqual("\uFEFF"u8) ? body.Slice(3) : body;
    }

    /// <summary>What is wrong with the current string token's text, or null.</summary>
    private static string? TextProblem(ref Utf8JsonReader reader)
    {
        const string invalid = "is not valid Unicode text (invalid UTF-8 or a lone surrogate).";
        const string control = "contains a control character; send text without NUL or other control characters.";
        if (reader.ValueIsEscaped)
        {
            string text;
            try
            {
                text = reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                return invalid;
            }

            return text.AsSpan().ContainsAny(ControlCharacters) ? control : null;
        }

        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (!Utf8.IsValid(raw))
        {
            return invalid;
        }

        // Unescaped, only DEL (7F) and the C1 controls (C2 80 to C2 9F) can be there: JSON forbids raw C0 controls.
        for (var at = raw.IndexOfAny((byte)0x7F, (byte)0xC2); at >= 0; at = NextIndex(raw, at))
        {
            if (raw[at] == 0x7F || raw[at + 1] is >= 0x80 and <= 0x9F)
            {
                return control;
            }
        }

        return null;
    }

    private static int NextIndex(ReadOnlySpan<byte> raw, int at)
    {
        var next = raw[(at + 1)..].IndexOfAny((byte)0x7F, (byte)0xC2);
        return next < 0 ? -1 : at + 1 + next;
    }

    private static void CountValue(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1].Index++;
        }
    }

    /// <summary>The field's path: property names joined by dots, array items by their index (<c>licenses[2].key</c>).</summary>
    private static string Path(List<Frame> frames)
    {
        var path = new StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                path.Append('[').Append(frame.Index - 1).Append(']');
            }
            else if (frame.Name is { } name)
            {
                path.Append(path.Length > 0 ? "." : "").Append(name);
            }
        }

        return path.ToString();
    }

    /// <summary>An object or array being read: its current property name or item index, and the names seen so far.</summary>
    private sealed class Frame(bool isArray)
    {
        private HashSet<string>? names;
        private string? first;

        public bool IsArray { get; } = isArray;
        public string? Name { get; set; }
        public int Index { get; set; }

        /// <summary>False when the object already had a property of this name.</summary>
        public bool Seen(string name)
        {
            if (first is null)
            {
                first = name;
                return true;
            }

            names ??= new HashSet<string>(StringComparer.Ordinal) { first };
            return names.Add(name);
        }
    }
}

/// <summary>Why a request is refused before its route: a stable code and a message naming the field.</summary>
internal sealed record InputProblem(string Code, string Message)
{
    public static InputProblem Invalid(string message) => new(ErrorCodes.ValidationError, message);
}
