using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace Platform.ServiceDefaults.Grpc;

/// <summary>
/// Length-prefixed messages: one byte compressed-flag, four bytes big-endian length, then the
/// protobuf bytes (gzip-compressed when the flag is 1 and the stream's encoding is gzip).
/// </summary>
public static class GrpcFraming
{
    public const int HeaderSize = 5;

    /// <summary>Reads a frame header; throws RESOURCE_EXHAUSTED above <paramref name="maxSize"/> and INTERNAL for a bad flag.</summary>
    public static int ReadHeader(ReadOnlySpan<byte> header, int maxSize, out bool compressed)
    {
        compressed = header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new RpcException(StatusCode.Internal, "Invalid compressed-flag in a message frame."),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Received message larger than max ({length} vs. {maxSize})");
        }

        return (int)length;
    }

    /// <summary>Writes <paramref name="message"/> as one frame, compressed with gzip when <paramref name="gzip"/> is set.</summary>
    public static void Write(IBufferWriter<byte> output, IMessage message, int maxSendSize, bool gzip)
    {
        var size = message.CalculateSize();
        if (size > maxSendSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending message larger than max ({size} vs. {maxSendSize})");
        }

        if (gzip)
        {
            var compressed = Compress(message);
            var target = output.GetSpan(HeaderSize + compressed.Length);
            target[0] = 1;
            BinaryPrimitives.WriteUInt32BigEndian(target[1..], (uint)compressed.Length);
            compressed.CopyTo(target[HeaderSize..]);
            output.Advance(HeaderSize + compressed.Length);
            return;
        }

        var span = output.GetSpan(HeaderSize + size);
        span[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
        message.WriteTo(span.Slice(HeaderSize, size));
        output.Advance(HeaderSize + size);
    }

    /// <summary>Parses a frame's payload, decompressing it first when it is flagged as compressed.</summary>
    public static T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload, bool compressed, string? encoding, int maxSize)
        where T : IMessage<T>
    {
        try
        {
            if (!compressed)
            {
                return parser.ParseFrom(payload);
            }

            if (encoding is not GrpcProtocol.GzipEncoding)
            {
                throw new RpcException(StatusCode.Internal, $"A compressed message arrived with grpc-encoding '{encoding ?? GrpcProtocol.IdentityEncoding}'.");
            }

            return parser.ParseFrom(Decompress(payload, maxSize));
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(StatusCode.Internal, "The message could not be parsed as protobuf.");
        }
        catch (InvalidDataException)
        {
            throw new RpcException(StatusCode.Internal, "The compressed message is not valid gzip.");
        }
    }

    private static byte[] Compress(IMessage message)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            message.WriteTo(gzip);
        }

        return buffer.ToArray();
    }

    /// <summary>Decompresses at most <paramref name="maxSize"/> bytes, so a small bomb cannot exhaust memory.</summary>
    private static byte[] Decompress(ReadOnlySequence<byte> payload, int maxSize)
    {
        using var source = new MemoryStream(payload.ToArray());
        using var gzip = new GZipStream(source, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    throw new RpcException(StatusCode.ResourceExhausted, $"Decompressed message larger than max ({maxSize})");
                }

                output.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.ToArray();
    }
}
