using Platform.Licensing.Model;

namespace Platform.Gateway.Tests;

[Collection(PlatformCollection.Name)]
public sealed class RoutingTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v2/licenses")]
    [InlineData("/api/v1/seats/steal")]
    public async Task AnUnknownRouteIs404InTheErrorFormat(string path)
    {
        await using var gateway = await GatewayHost.StartAsync(platform);

        using var response = await gateway.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task ConnectIs405InTheErrorFormat()
    {
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(gateway.Address.Host, gateway.Address.Port);
        await using var stream = tcp.GetStream();

        // HttpClient sends CONNECT only in authority form; a client that sends it for a path gets the same answer.
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes("CONNECT /api/v1/licenses HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        var answer = await new StreamReader(stream).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 405", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"METHOD_NOT_ALLOWED\"", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8_001)]
    [InlineData(100_000)]
    public async Task APathAndQueryOver8000CharactersIs414InTheErrorFormatBeforeAnyForwarding(int length)
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        await using var gateway = await GatewayHost.StartAsync(platform);
        var path = "/api/v1/webhooks?filter=";

        using var response = await gateway.Client(tenant.LiveKey).GetAsync(path + new string('x', length - path.Length));
        using var longest = await gateway.Client(tenant.LiveKey).GetAsync(path + new string('x', 8_000 - path.Length));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("URI_TOO_LONG", await response.ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
    }

    [Fact]
    public async Task APathIsMeasuredAsItIsForwardedEscaped()
    {
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(gateway.Address.Host, gateway.Address.Port);
        await using var stream = tcp.GetStream();

        // 3,000 raw "|", which Kestrel takes unescaped: forwarded as 9,000 characters of %7C, past the services' request line.
        var path = "/api/v1/webhooks/" + new string('|', 3_000);
        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        var answer = await new StreamReader(stream).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 414", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"URI_TOO_LONG\"", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TRACE", "/api/v1/products")]
    [InlineData("FOO", "/api/v1/webhooks/wh_1")]
    [InlineData("GET", "/api/v1/validate")]
    public async Task AMethodNoRouteTakesIs405InTheErrorFormat(string method, string path)
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        await using var gateway = await GatewayHost.StartAsync(platform);

        using var response = await gateway.Client(tenant.LiveKey).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", await response.ErrorCodeAsync());
    }

    [Theory]
    [InlineData("POST", "/api/v1/validate")]
    [InlineData("POST", "/api/v1/activate")]
    [InlineData("POST", "/api/v1/deactivate")]
    [InlineData("POST", "/api/v1/seats/checkout")]
    [InlineData("POST", "/api/v1/seats/heartbeat")]
    [InlineData("POST", "/api/v1/seats/checkin")]
    [InlineData("GET", "/api/v1/keys")]
    [InlineData("GET", "/api/v1/webhooks")]
    [InlineData("DELETE", "/api/v1/webhooks/wh_1")]
    [InlineData("GET", "/api/v1/billing/subscriptions")]
    public async Task ServiceRoutesLeadToTheirUpstreamWithPathAndMethod(string method, string path)
    {
        var tenant = await platform.Licensing.CreateTenantAsync(RateLimitPlan.Enterprise);
        await using var gateway = await GatewayHost.StartAsync(platform);

        using var response = await gateway.Client(tenant.LiveKey).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var seen = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(method, seen.GetProperty("method").GetString());
        Assert.Equal(path, seen.GetProperty("path").GetString());
    }

    [Fact]
    public async Task StripesEndpointNeedsNoKeyAndCarriesNoIdentity()
    {
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var client = gateway.Client();
        client.DefaultRequestHeaders.Add("Stripe-Signature", "t=1,v1=abc");

        using var response = await client.PostAsJsonAsync("/api/v1/billing/stripe/ten_1/webhook", new { id = "evt_1" });
        using var otherBilling = await client.GetAsync("/api/v1/billing/subscriptions");
        var headers = (await response.JsonAsync()).GetProperty("headers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("t=1,v1=abc", headers.GetProperty("stripe-signature").GetString());
        Assert.False(headers.TryGetProperty("x-platform-identity", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, otherBilling.StatusCode);
    }

    [Fact]
    public async Task CorsIsOpenForValidationRoutesOnly()
    {
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var client = gateway.Client();

        async Task<HttpResponseMessage> PreflightAsync(string path)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, path);
            request.Headers.Add("Origin", "https://app.example.com");
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");
            return await client.SendAsync(request);
        }

        using var validate = await PreflightAsync("/api/v1/validate");
        using var products = await PreflightAsync("/api/v1/products");
        using var actual = new HttpRequestMessage(HttpMethod.Post, "/api/v1/validate") { Content = JsonContent.Create(new { key = "x" }) };
        actual.Headers.Add("Origin", "https://app.example.com");
        using var answered = await client.SendAsync(actual);

        Assert.Equal("*", validate.Header("Access-Control-Allow-Origin"));
        Assert.Equal("", products.Header("Access-Control-Allow-Origin"));
        // The admin routes take no OPTIONS: a preflight there is refused, without any CORS header.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, products.StatusCode);
        Assert.Equal("*", answered.Header("Access-Control-Allow-Origin"));
        Assert.Contains("X-RateLimit-Remaining", answered.Header("Access-Control-Expose-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ApiVersionIsPassedOnAndEchoedAndMustBeOneThePlatformKnows()
    {
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var client = gateway.Client();

        using var response = await client.SendAsync(Pinned("2026-01-01"));
        using var unpinned = await client.PostAsJsonAsync("/api/v1/validate", new { key = "x" });
        using var unknown = await client.SendAsync(Pinned("2025-06-01"));
        using var notADate = await client.SendAsync(Pinned("latest"));

        Assert.Equal("2026-01-01", (await response.JsonAsync()).GetProperty("headers").GetProperty("x-api-version").GetString());
        Assert.Equal("2026-01-01", response.Header("X-API-Version"));
        Assert.Equal("2026-01-01", unpinned.Header("X-API-Version"));
        foreach (var refused in new[] { unknown, notADate })
        {
            var error = await refused.JsonAsync();
            Assert.Equal((HttpStatusCode.BadRequest, "VALIDATION_ERROR"), (refused.StatusCode, error.GetProperty("code").GetString()));
            Assert.Contains("the supported versions are 2026-01-01", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
    }

    private static HttpRequestMessage Pinned(string version)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/validate") { Content = JsonContent.Create(new { key = "x" }) };
        request.Headers.Add("X-API-Version", version);
        return request;
    }

    [Fact]
    public async Task ADeprecatedRouteAnswersWithSunset()
    {
        await using var gateway = await GatewayHost.StartAsync(platform, new Dictionary<string, string?>
        {
            ["ReverseProxy:Routes:legacy-validate:ClusterId"] = "validation",
            ["ReverseProxy:Routes:legacy-validate:Metadata:Access"] = "public",
            ["ReverseProxy:Routes:legacy-validate:Match:Path"] = "/api/v1/licenses/validate-legacy",
            ["ReverseProxy:Routes:legacy-validate:Metadata:Deprecated"] = "2026-12-07",
            ["ReverseProxy:Routes:legacy-validate:Metadata:Sunset"] = "2027-03-31",
        });

        using var response = await gateway.Client().PostAsJsonAsync("/api/v1/licenses/validate-legacy", new { key = "x" });
        using var current = await gateway.Client().PostAsJsonAsync("/api/v1/validate", new { key = "x" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Wed, 31 Mar 2027 00:00:00 GMT", response.Header("Sunset"));
        Assert.Equal("@1796601600", response.Header("Deprecation"));
        Assert.Equal(("", ""), (current.Header("Sunset"), current.Header("Deprecation")));
    }
}
