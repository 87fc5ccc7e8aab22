using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Platform.Grpc.Tests;

/// <summary>Our client against our server over real HTTP/2: the behaviours the interop scenarios do not reach.</summary>
public sealed class TransportBehaviourTests(OurServer server) : IClassFixture<OurServer>
{
    public static TheoryData<StatusCode> ErrorCodes => [.. Enum.GetValues<StatusCode>().Where(c => c != StatusCode.OK)];

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public async Task EveryStatusCodeCrossesTheWire(StatusCode code)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.CreateClient().UnaryAsync(new EchoRequest { FailCode = (int)code, FailMessage = $"because {code}" }));

        Assert.Equal(code, error.StatusCode);
        Assert.Equal($"because {code}", error.Status.Detail);
    }

    [Fact]
    public async Task HandlerExceptionIsInternalWithoutDetail()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.CreateClient().UnaryAsync(new EchoRequest { Message = "throw" }));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerEndsTheCallAtTheDeadlineEvenIfTheHandlerIgnoresIt()
    {
        // The client is given a generous local deadline; only the server's enforcement of grpc-timeout can end it early.
        using var http = new HttpMessageInvoker(new SocketsHttpHandler());
        var frame = new System.Buffers.ArrayBufferWriter<byte>();
        GrpcFraming.Write(frame, new EchoRequest { Message = "ignore-deadline", DelayMs = 3000 }, int.MaxValue, gzip: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, "/interop.v1.Echo/Unary"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame.WrittenMemory.ToArray()),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("grpc-timeout", "200m");

        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, CancellationToken.None);
        await response.Content.ReadAsByteArrayAsync();

        Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
        var status = response.Headers.NonValidated.TryGetValues("grpc-status", out var headerStatus) ? headerStatus.First()
            : response.TrailingHeaders.NonValidated.TryGetValues("grpc-status", out var trailerStatus) ? trailerStatus.First() : null;
        Assert.Equal(((int)StatusCode.DeadlineExceeded).ToString(System.Globalization.CultureInfo.InvariantCulture), status);
    }

    [Fact]
    public async Task ClientCancellationReachesTheServerHandler()
    {
        using var cancel = new CancellationTokenSource();
        var call = server.CreateClient().UnaryAsync(new EchoRequest { Message = "observe-cancellation", DelayMs = 10_000 }, new CallOptions(CancellationToken: cancel.Token));
        await Task.Delay(300);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await server.Probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RequestOverTheServerLimitIsResourceExhausted()
    {
        var tooLarge = new EchoRequest { Payload = ByteString.CopyFrom(new byte[server.MaxReceiveMessageSize + 1]) };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.CreateClient().UnaryAsync(tooLarge));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task ResponseOverTheClientLimitIsResourceExhausted()
    {
        var client = server.CreateClient(new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.UnaryAsync(new EchoRequest { ReplyPayloadSize = 4096 }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public void RequestOverTheClientSendLimitIsRefusedBeforeSending()
    {
        var client = server.CreateClient(new GrpcChannelOptions { MaxSendMessageSize = 100 });

        var error = Assert.Throws<RpcException>(() => client.UnaryAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[200]) }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task GzipCompressedRequestsAreAccepted()
    {
        var client = server.CreateClient(new GrpcChannelOptions { CompressRequests = true });

        var reply = await client.UnaryAsync(new EchoRequest { Message = "compressed", Payload = ByteString.CopyFrom(new byte[100_000]) });

        Assert.Equal("compressed", reply.Message);
        Assert.Equal(100_000, reply.Payload.Length);
    }

    [Fact]
    public async Task UnsupportedEncodingIsUnimplemented()
    {
        using var http = new HttpMessageInvoker(new SocketsHttpHandler());
        using var request = GrpcRequest("/interop.v1.Echo/Unary", new EchoRequest { Message = "x" });
        request.Headers.TryAddWithoutValidation("grpc-encoding", "snappy");

        using var response = await http.SendAsync(request, CancellationToken.None);

        Assert.Equal("12", response.Headers.NonValidated["grpc-status"].First());
        Assert.Contains("gzip", response.Headers.NonValidated["grpc-accept-encoding"].First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonGrpcContentTypeIsUnsupportedMediaType()
    {
        using var http = new HttpMessageInvoker(new SocketsHttpHandler());
        using var request = GrpcRequest("/interop.v1.Echo/Unary", new EchoRequest());
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await http.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task UnavailableIsRetriedWithBackoffUntilItSucceeds()
    {
        var options = new GrpcChannelOptions();
        options.RetryPolicies["/interop.v1.Echo/"] = new RetryPolicy { MaxAttempts = 4, InitialBackoff = TimeSpan.FromMilliseconds(20) };
        var message = "unavailable-until-2";
        server.Probe.Attempts.TryRemove(message, out _);

        var reply = await server.CreateClient(options).UnaryAsync(new EchoRequest { Message = message });

        Assert.Equal(message, reply.Message);
        Assert.Equal(3, server.Probe.Attempts[message]);
    }

    [Fact]
    public async Task CallsWithoutARetryPolicyAreNotRetried()
    {
        var message = "unavailable-until-5";
        server.Probe.Attempts.TryRemove(message, out _);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.CreateClient().UnaryAsync(new EchoRequest { Message = message }));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(1, server.Probe.Attempts[message]);
    }

    [Fact]
    public async Task ConnectionRefusedIsUnavailable()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = new EchoClient(GrpcChannel.ForAddress(new Uri($"http://127.0.0.1:{port}")).CreateCallInvoker());

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.UnaryAsync(new EchoRequest()));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task TraceContextTravelsWithTheCall()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Platform.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("Platform.Tests");
        using var activity = source.StartActivity("validate")!;

        var reply = await server.CreateClient().UnaryAsync(new EchoRequest { Message = "traced" });

        Assert.Contains(activity.TraceId.ToHexString(), reply.Traceparent, StringComparison.Ordinal);
    }

    private HttpRequestMessage GrpcRequest(string path, IMessage message)
    {
        var frame = new System.Buffers.ArrayBufferWriter<byte>();
        GrpcFraming.Write(frame, message, int.MaxValue, gzip: false);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame.WrittenMemory.ToArray()),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        return request;
    }
}
