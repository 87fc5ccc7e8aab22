using System.Security.Cryptography;
using Platform.AppHost.Servers;
using Platform.Licensing.Model;

namespace Platform.Gateway.Tests;

/// <summary>
/// The forwarder between real Kestrel instances: the Gateway and a plain upstream behind the webhooks routes, reached
/// over HTTP/1.1 (as the Gateway reaches most services) and over HTTP/2 without TLS (as it reaches Validation).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ForwarderTests(PlatformFixture platform)
{
    private async Task<(GatewayHost Gateway, HttpClient Client)> StartAsync(string upstreamVersion = "1.1", Dictionary<string, string?>? settings = null)
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        settings ??= [];
        if (upstreamVersion == "2")
        {
            // The webhooks cluster as the validation cluster is configured: h2c (prior knowledge) to a named endpoint.
            settings.TryAdd("ReverseProxy:Clusters:webhooks:Destinations:primary:Address", "http://_h2c.webhooks");
            settings.TryAdd("ReverseProxy:Clusters:webhooks:HttpRequest:Version", "2");
            settings.TryAdd("ReverseProxy:Clusters:webhooks:HttpRequest:VersionPolicy", "RequestVersionExact");
            settings.TryAdd("services:webhooks:h2c:0", platform.Upstream.H2cAddress.ToString());
        }

        var gateway = await GatewayHost.StartAsync(platform, settings);
        return (gateway, gateway.Client(tenant.LiveKey));
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string behaviour, string? id = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Test-Behaviour", behaviour);
        request.Headers.Add("X-Test-Id", id ?? Guid.NewGuid().ToString("N"));
        return request;
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2")]
    public async Task ALargeRequestBodyIsStreamedThroughAndBack(string upstreamVersion)
    {
        var (gateway, client) = await StartAsync(upstreamVersion);
        await using var host = gateway;
        using var owned = client;
        var payload = RandomNumberGenerator.GetBytes(900 * 1024);
        using var request = Request(HttpMethod.Post, "/api/v1/webhooks/echo", "echo-body");
        // No Content-Length: the body goes out chunked, as a client streaming it would send it.
        request.Content = new StreamContent(new NonSeekableStream(payload));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(payload, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2")]
    public async Task ALargeResponseReachesTheClientWhileTheUpstreamIsStillWriting(string upstreamVersion)
    {
        var (gateway, client) = await StartAsync(upstreamVersion);
        await using var host = gateway;
        using var owned = client;
        var id = Guid.NewGuid().ToString("N");
        using var request = Request(HttpMethod.Get, "/api/v1/webhooks/download", "stream", id);

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[64 * 1024];
        await body.ReadExactlyAsync(first).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        // Only now may the upstream write the rest (16 MB): the first chunk came through unbuffered.
        platform.Upstream.Signal(id).SetResult();
        var rest = 0L;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            rest += read;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(16L * 1024 * 1024, rest);
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2")]
    public async Task ABodyOverTheLimitIs413(string upstreamVersion)
    {
        var (gateway, client) = await StartAsync(upstreamVersion, new() { ["Gateway:MaxRequestBodySize"] = "100000" });
        await using var host = gateway;
        using var owned = client;
        var payload = new byte[200_000];

        using var declared = await client.PostAsync("/api/v1/webhooks/upload", new ByteArrayContent(payload));
        using var chunked = Request(HttpMethod.Post, "/api/v1/webhooks/upload", "echo-body");
        chunked.Content = new StreamContent(new NonSeekableStream(payload));
        using var streamed = await client.SendAsync(chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", await declared.ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", await streamed.ErrorCodeAsync());
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2")]
    public async Task HopByHopHeadersStayOnTheirSideAndForwardingHeadersAreSet(string upstreamVersion)
    {
        var (gateway, client) = await StartAsync(upstreamVersion);
        await using var host = gateway;
        using var owned = client;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/webhooks/headers?page=2");
        request.Headers.TryAddWithoutValidation("Connection", "X-Client-Hop");
        request.Headers.TryAddWithoutValidation("X-Client-Hop", "1");
        request.Headers.TryAddWithoutValidation("Keep-Alive", "timeout=5");
        request.Headers.TryAddWithoutValidation("Proxy-Authorization", "Basic eDp5");
        request.Headers.TryAddWithoutValidation("X-End-To-End", "kept");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.9");
        request.Headers.TryAddWithoutValidation("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        using var response = await client.SendAsync(request);
        var seen = await response.JsonAsync();
        var headers = seen.GetProperty("headers");

        Assert.Equal("/api/v1/webhooks/headers", seen.GetProperty("path").GetString());
        Assert.Equal("?page=2", seen.GetProperty("query").GetString());
        Assert.False(headers.TryGetProperty("x-client-hop", out _));
        Assert.False(headers.TryGetProperty("keep-alive", out _));
        Assert.False(headers.TryGetProperty("proxy-authorization", out _));
        Assert.Equal("kept", headers.GetProperty("x-end-to-end").GetString());
        Assert.Equal("127.0.0.1", headers.GetProperty("x-forwarded-for").GetString());
        Assert.Equal("http", headers.GetProperty("x-forwarded-proto").GetString());
        Assert.Equal(gateway.Address.Authority, headers.GetProperty("x-forwarded-host").GetString());
        Assert.Contains("0af7651916cd43dd8448eb211c80319c", headers.GetProperty("traceparent").GetString(), StringComparison.Ordinal);
        var requestId = response.Header("X-Request-Id");
        Assert.Matches("^[0-9a-f]{32}$", requestId);
        Assert.Equal(requestId, headers.GetProperty("x-request-id").GetString());

        using var hop = await client.SendAsync(Request(HttpMethod.Get, "/api/v1/webhooks/hop", "hop"));
        Assert.Equal("1", hop.Header("X-Up-End"));
        Assert.Equal("", hop.Header("Keep-Alive"));
        if (upstreamVersion == "1.1")
        {
            // HTTP/2 has no Connection header (the upstream's server drops it), so nothing names X-Up-Hop there.
            Assert.Equal("", hop.Header("X-Up-Hop"));
        }
    }

    [Fact]
    public async Task TheClientsRequestIdIsKept()
    {
        var (gateway, client) = await StartAsync();
        await using var host = gateway;
        using var owned = client;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/webhooks");
        request.Headers.Add("X-Request-Id", "req-from-client-42");

        using var response = await client.SendAsync(request);

        Assert.Equal("req-from-client-42", response.Header("X-Request-Id"));
        Assert.Equal("req-from-client-42", (await response.JsonAsync()).GetProperty("headers").GetProperty("x-request-id").GetString());
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2")]
    public async Task AnUpstreamThatIsDownIs503(string upstreamVersion)
    {
        var down = $"http://127.0.0.1:{FreePort.Next()}";
        var (gateway, client) = await StartAsync(upstreamVersion, new() { ["services:webhooks:http:0"] = down, ["services:webhooks:h2c:0"] = down });
        await using var host = gateway;
        using var owned = client;

        using var response = await client.GetAsync("/api/v1/webhooks");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("SERVICE_UNAVAILABLE", await response.ErrorCodeAsync());
        Assert.NotEqual("", response.Header("X-Request-Id"));
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2")]
    public async Task AnUpstreamThatDoesNotAnswerInTimeIs504(string upstreamVersion)
    {
        var (gateway, client) = await StartAsync(upstreamVersion, new() { ["ReverseProxy:Clusters:webhooks:HttpRequest:ActivityTimeout"] = "00:00:00.500" });
        await using var host = gateway;
        using var owned = client;

        using var response = await client.SendAsync(Request(HttpMethod.Get, "/api/v1/webhooks/slow", "slow"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("GATEWAY_TIMEOUT", await response.ErrorCodeAsync());
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2")]
    public async Task AClientThatGivesUpCancelsTheUpstreamCall(string upstreamVersion)
    {
        var (gateway, client) = await StartAsync(upstreamVersion);
        await using var host = gateway;
        using var owned = client;
        var id = Guid.NewGuid().ToString("N");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(Request(HttpMethod.Get, "/api/v1/webhooks/slow", "slow", id), cancel.Token));

        await platform.Upstream.Signal(id + ":aborted").Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    /// <summary>A stream of unknown length, so that HttpClient sends it chunked.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
