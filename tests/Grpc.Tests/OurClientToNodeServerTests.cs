using System.Diagnostics;
using Grpc.Health.V1;
using Platform.ServiceDefaults.Grpc.Health;

namespace Platform.Grpc.Tests;

/// <summary>Our transport as the client, the reference implementation (@grpc/grpc-js) as the server.</summary>
public sealed class OurClientToNodeServerTests(NodeServer server) : IClassFixture<NodeServer>
{
    [Fact]
    public async Task UnaryCallSucceeds()
    {
        var reply = await server.CreateClient().UnaryAsync(new EchoRequest { Message = "hello from .NET" });

        Assert.Equal("hello from .NET", reply.Message);
    }

    [Fact]
    public async Task ErrorStatusArrivesWithItsNonAsciiMessageAndTrailers()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.CreateClient().UnaryAsync(
            new EchoRequest { FailCode = (int)StatusCode.PermissionDenied, FailMessage = "Zugriff verweigert – доступ ✓ 100%" }));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("Zugriff verweigert – доступ ✓ 100%", error.Status.Detail);
        Assert.Equal("present", error.Trailers.GetValue("x-error-detail"));
    }

    [Fact]
    public async Task DeadlineExpires()
    {
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.CreateClient().UnaryAsync(
            new EchoRequest { Message = "slow", DelayMs = 5000 }, CallOptions.WithTimeout(TimeSpan.FromMilliseconds(300))));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.InRange(watch.ElapsedMilliseconds, 250, 3000);
    }

    [Fact]
    public async Task AsciiAndBinaryMetadataRoundTrip()
    {
        byte[] binary = [0, 1, 2, 250, 251, 255];
        var headers = new Metadata { { "x-ascii", "ascii value 2" }, { "x-bin-bin", binary } };

        var result = await server.CreateClient().UnaryAsync(new EchoRequest { Message = "metadata" }, new CallOptions(headers)).ResultAsync;

        Assert.Equal("ascii value 2", result.Response.MetadataAscii);
        Assert.Equal(binary, result.Response.MetadataBin.ToByteArray());
        Assert.Equal("ascii value 2", result.ResponseHeaders.GetValue("x-ascii-echo"));
        Assert.Equal(binary, result.ResponseHeaders.GetValueBytes("x-bin-echo-bin"));
        Assert.Equal("ascii value 2", result.Trailers.GetValue("x-ascii-trailer"));
        Assert.Equal(binary, result.Trailers.GetValueBytes("x-bin-trailer-bin"));
    }

    [Fact]
    public async Task ServerStreamsAThousandMessagesInOrder()
    {
        using var call = server.CreateClient().Stream(new StreamRequest { Count = 1000, PayloadSize = 64 });

        var indexes = new List<int>();
        await foreach (var reply in call.ReadAllAsync())
        {
            Assert.Equal(64, reply.Payload.Length);
            indexes.Add(reply.Index);
        }

        Assert.Equal(Enumerable.Range(0, 1000), indexes);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task FourMegabyteMessagesTravelBothWays()
    {
        const int size = 4 * 1024 * 1024;

        var reply = await server.CreateClient().UnaryAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[size]), ReplyPayloadSize = size });

        Assert.Equal(size, reply.Payload.Length);
    }

    [Fact]
    public async Task UnknownAndUnimplementedMethodsAnswerUnimplemented()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.CreateClient().MissingAsync(new EchoRequest()));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task HealthCheckAnswersServingAndNotFoundForUnknownServices()
    {
        var health = new HealthClient(GrpcChannel.ForAddress(server.Address).CreateCallInvoker());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = "interop.v1.Echo" })).Status);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
