using System.Buffers;
using System.IO.Pipelines;

namespace Platform.Grpc.Tests;

public sealed class FramingTests
{
    private static readonly MessageParser<EchoReply> Parser = new(() => new EchoReply());

    private static byte[] Frame(IMessage message, bool gzip = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        GrpcFraming.Write(buffer, message, int.MaxValue, gzip);
        return buffer.WrittenMemory.ToArray();
    }

    private static async Task<List<EchoReply>> ReadAllAsync(byte[] bytes, int chunk, int maxSize = 1 << 20, string? encoding = null)
    {
        var pipe = new Pipe();
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < bytes.Length; i += chunk)
            {
                await pipe.Writer.WriteAsync(bytes.AsMemory(i, Math.Min(chunk, bytes.Length - i)));
            }

            await pipe.Writer.CompleteAsync();
        });
        var messages = new List<EchoReply>();
        while (await GrpcFrameReader.ReadAsync(pipe.Reader, Parser, maxSize, encoding, CancellationToken.None) is { } message)
        {
            messages.Add(message);
        }

        await writing;
        return messages;
    }

    [Fact]
    public void FrameHasFlagLengthAndMessage()
    {
        var message = new EchoReply { Message = "abc" };

        var frame = Frame(message);

        Assert.Equal(0, frame[0]);
        Assert.Equal(new byte[] { 0, 0, 0, (byte)message.CalculateSize() }, frame[1..5]);
        Assert.Equal(message.ToByteArray(), frame[5..]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task MessagesSplitAcrossReadsAreReassembled(int chunk)
    {
        var bytes = Frame(new EchoReply { Message = "one" }).Concat(Frame(new EchoReply { Index = 2 })).Concat(Frame(new EchoReply())).ToArray();

        var messages = await ReadAllAsync(bytes, chunk);

        Assert.Equal(["one", "", ""], messages.Select(m => m.Message));
        Assert.Equal(2, messages[1].Index);
    }

    [Fact]
    public async Task GzipFramesRoundTrip()
    {
        var message = new EchoReply { Message = new string('x', 10_000) };
        var frame = Frame(message, gzip: true);

        Assert.Equal(1, frame[0]);
        Assert.True(frame.Length < 1000);
        Assert.Equal(message, (await ReadAllAsync(frame, 64, encoding: "gzip")).Single());
    }

    [Fact]
    public async Task CompressedFrameWithoutAnEncodingIsInternal()
    {
        var frame = Frame(new EchoReply { Message = "x" }, gzip: true);

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAllAsync(frame, 64));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task GzipBombIsStoppedAtTheLimit()
    {
        var frame = Frame(new EchoReply { Payload = ByteString.CopyFrom(new byte[1_000_000]) }, gzip: true);

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAllAsync(frame, 4096, maxSize: 100_000, encoding: "gzip"));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task FrameOverTheLimitIsResourceExhaustedBeforeItIsRead()
    {
        byte[] header = [0, 0x7f, 0xff, 0xff, 0xff];

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAllAsync(header, 5, maxSize: 1024));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("2147483647 vs. 1024", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamEndingInsideAFrameIsInternal()
    {
        var frame = Frame(new EchoReply { Message = "truncated" });

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAllAsync(frame[..^2], 64));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task InvalidFlagIsInternal()
    {
        byte[] frame = [7, 0, 0, 0, 0];

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAllAsync(frame, 5));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task BytesThatAreNotProtobufAreInternal()
    {
        byte[] frame = [0, 0, 0, 0, 3, 0xff, 0xff, 0xff];

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAllAsync(frame, 8));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }
}
