using System.Diagnostics;
using System.Net;

namespace Platform.Client.Tests;

/// <summary>Retries with backoff: after network errors, 5xx and 429 (waiting for Retry-After), never after a refusal.</summary>
public sealed class RetryTests
{
    private const string Valid = """
        {"valid":true,"license":{"id":"lic_1","key":"TO-AAAA","status":"active","type":"perpetual","plan":null,"productId":"prod_1","features":[],
        "expiresAt":null,"activations":0,"maxActivations":1,"domains":[],"maxDomains":null,"seatsInUse":0,"maxSeats":null,"keyValidUntil":null,"metadata":{}},
        "validatedAt":"2026-12-07T10:00:00Z","expired":false,"servedFromCache":false}
        """;

    private const string Unavailable = """{"error":"Licensing cannot be reached.","code":"SERVICE_UNAVAILABLE","help":"/docs/errors#SERVICE_UNAVAILABLE"}""";

    [Fact]
    public async Task AServerThatFailsTwiceThenAnswersIsAnsweredWithoutTheCallerSeeingTheFailures()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Json(503, Unavailable), ScriptedServer.Json(502, "{}"), ScriptedServer.Json(200, Valid));
        using var cache = new TempFolder();
        using var client = Client(server, cache);

        var answer = await client.ValidateAsync("TO-AAAA");

        Assert.True(answer.Valid);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task A429IsRetriedAfterTheWaitItsRetryAfterNames()
    {
        await using var server = await ScriptedServer.StartAsync(
            ScriptedServer.Json(429, """{"error":"Too many requests.","code":"RATE_LIMITED","help":"/docs/errors#RATE_LIMITED","retryAfter":1}""", r => r.Headers.RetryAfter = "1"),
            ScriptedServer.Json(200, Valid));
        using var cache = new TempFolder();
        using var client = Client(server, cache);
        var clock = Stopwatch.StartNew();

        var answer = await client.ValidateAsync("TO-AAAA");

        Assert.True(answer.Valid);
        Assert.Equal(2, server.Requests);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ARefusalIsNeverRetried()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Json(403,
            """{"error":"Every activation of the license is in use.","code":"ACTIVATION_LIMIT_REACHED","help":"/docs/errors#ACTIVATION_LIMIT_REACHED"}"""));
        using var cache = new TempFolder();
        using var client = Client(server, cache);

        var refused = await Assert.ThrowsAsync<LicenseApiException>(() => client.ActivateAsync(new ActivationRequest { Key = "TO-AAAA" }));

        Assert.Equal((HttpStatusCode.Forbidden, ErrorCodes.ActivationLimitReached, "/docs/errors#ACTIVATION_LIMIT_REACHED"), (refused.StatusCode, refused.Code, refused.Help));
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task APlatformThatKeepsFailingIsUnavailableAfterEveryRetryWithItsLastCode()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedServer.Json(503, Unavailable));
        using var cache = new TempFolder();
        using var client = Client(server, cache);

        var unavailable = await Assert.ThrowsAsync<LicensePlatformUnavailableException>(() => client.ValidateAsync("TO-AAAA"));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, ErrorCodes.ServiceUnavailable), (unavailable.StatusCode, unavailable.Code));
        Assert.Equal(3, server.Requests); // the first try and MaxRetries = 2
    }

    [Fact]
    public async Task AnAddressNobodyListensOnIsUnavailableNotAnHttpRequestException()
    {
        using var cache = new TempFolder();
        using var client = new LicenseClient(new LicenseClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:9/"),
            CacheDirectory = cache.Path,
            MaxRetries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        });

        var unavailable = await Assert.ThrowsAsync<LicensePlatformUnavailableException>(() => client.ValidateAsync("TO-AAAA"));

        Assert.IsType<HttpRequestException>(unavailable.InnerException);
    }

    private static LicenseClient Client(ScriptedServer server, TempFolder cache) => new(new LicenseClientOptions
    {
        BaseAddress = server.Url,
        CacheDirectory = cache.Path,
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(20),
    });
}
