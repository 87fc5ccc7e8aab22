using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;

namespace Platform.ServiceDefaults.Grpc;

/// <summary>Reads whole messages from a stream of frames.</summary>
public static class GrpcFrameReader
{
    /// <summary>The next message, or null at the end of the stream. A stream that ends inside a frame is INTERNAL.</summary>
    public static async ValueTask<T?> ReadAsync<T>(PipeReader reader, MessageParser<T> parser, int maxSize, string? encoding, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (TryReadFrame(ref buffer, maxSize, out var payload, out var compressed))
            {
                try
                {
                    return GrpcFraming.Parse(parser, payload, compressed, encoding, maxSize);
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start);
                }
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return buffer.IsEmpty ? null : throw new RpcException(StatusCode.Internal, "The stream ended in the middle of a message.");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxSize, out ReadOnlySequence<byte> payload, out bool compressed)
    {
        payload = default;
        compressed = false;
        if (buffer.Length < GrpcFraming.HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcFraming.HeaderSize];
        buffer.Slice(0, GrpcFraming.HeaderSize).CopyTo(header);
        var length = GrpcFraming.ReadHeader(header, maxSize, out compressed);
        if (buffer.Length < GrpcFraming.HeaderSize + length)
        {
            return false;
        }

        payload = buffer.Slice(GrpcFraming.HeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }
}
