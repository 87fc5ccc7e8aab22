namespace Platform.Grpc.Tests;

/// <summary>The reference implementation (@grpc/grpc-js) as the client, our transport as the server.</summary>
public sealed class NodeClientToOurServerTests(OurServer server) : IClassFixture<OurServer>
{
    [Fact]
    public async Task UnaryCallSucceeds()
    {
        var result = await Node.RunClientAsync(server.Address, "unary");

        Assert.Equal(0, result.GetProperty("code").GetInt32());
        Assert.Equal("hello from grpc-js", result.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ErrorStatusArrivesWithItsNonAsciiMessageAndTrailers()
    {
        var result = await Node.RunClientAsync(server.Address, "error");

        Assert.Equal((int)StatusCode.NotFound, result.GetProperty("code").GetInt32());
        Assert.Equal("Lizenz nicht gefunden: ключ ✓ 100%", result.GetProperty("details").GetString());
        Assert.Equal("present", result.GetProperty("trailer").GetString());
    }

    [Fact]
    public async Task DeadlineExpires()
    {
        var result = await Node.RunClientAsync(server.Address, "deadline");

        Assert.Equal((int)StatusCode.DeadlineExceeded, result.GetProperty("code").GetInt32());
        Assert.InRange(result.GetProperty("elapsedMs").GetInt32(), 250, 3000);
    }

    [Fact]
    public async Task AsciiAndBinaryMetadataRoundTrip()
    {
        var result = await Node.RunClientAsync(server.Address, "metadata");

        Assert.Equal(0, result.GetProperty("code").GetInt32());
        Assert.Equal("ascii value 1", result.GetProperty("replyAscii").GetString());
        Assert.Equal("000102fafbff", result.GetProperty("replyBin").GetString());
        Assert.Equal("ascii value 1", result.GetProperty("headerAscii").GetString());
        Assert.Equal("000102fafbff", result.GetProperty("headerBin").GetString());
        Assert.Equal("ascii value 1", result.GetProperty("trailerAscii").GetString());
        Assert.Equal("000102fafbff", result.GetProperty("trailerBin").GetString());
    }

    [Fact]
    public async Task ServerStreamsAThousandMessagesInOrder()
    {
        var result = await Node.RunClientAsync(server.Address, "stream");

        Assert.Equal(0, result.GetProperty("code").GetInt32());
        Assert.Equal(1000, result.GetProperty("count").GetInt32());
        Assert.True(result.GetProperty("ordered").GetBoolean());
    }

    [Fact]
    public async Task FourMegabyteMessagesTravelBothWays()
    {
        var result = await Node.RunClientAsync(server.Address, "large");

        Assert.Equal(0, result.GetProperty("code").GetInt32());
        Assert.Equal(4 * 1024 * 1024, result.GetProperty("payloadLength").GetInt32());
    }

    [Fact]
    public async Task UnknownAndUnimplementedMethodsAnswerUnimplemented()
    {
        var result = await Node.RunClientAsync(server.Address, "unknown");

        Assert.Equal((int)StatusCode.Unimplemented, result.GetProperty("declaredCode").GetInt32());
        Assert.True((int)StatusCode.Unimplemented == result.GetProperty("unknownCode").GetInt32(), result.GetRawText());
    }

    [Fact]
    public async Task HealthCheckAnswersServingAndNotFoundForUnknownServices()
    {
        var result = await Node.RunClientAsync(server.Address, "health");

        Assert.Equal("SERVING", result.GetProperty("overall").GetString());
        Assert.Equal("SERVING", result.GetProperty("echo").GetString());
        Assert.Equal((int)StatusCode.NotFound, result.GetProperty("unknownCode").GetInt32());
    }
}
