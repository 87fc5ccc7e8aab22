using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Platform.ServiceDefaults.Input;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// Text no route can store is refused before any route reads the body, naming the field; everything else reaches the
/// route unchanged, whether the body came with its headers or in pieces.
/// </summary>
public sealed class RequestInputChecksTests : IAsyncLifetime
{
    private TestService service = null!;

    public async Task InitializeAsync() => service = await TestService.StartAsync(
        builder => builder.AddRequestInputChecks(),
        app =>
        {
            app.MapPost("/echo", async (HttpRequest request) => Results.Text(await new StreamReader(request.Body).ReadToEndAsync(), "application/json"));
            app.MapPost("/typed", (Payload payload) => Results.Ok(payload));
            app.MapGet("/search", (string? q) => Results.Ok(q));
        },
        environment: "Production");

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Theory]
    [InlineData("""{"name":"a\u0000b"}""", "'name' contains a control character")]
    [InlineData("""{"metadata":{"note":"\u001b[31m red"}}""", "'metadata.note' contains a control character")]
    [InlineData("""{"licenses":[{"key":"ok"},{"key":"x\u0007"}]}""", "'licenses[1].key' contains a control character")]
    [InlineData("""{"a":"\u0085"}""", "'a' contains a control character")]
    [InlineData("""{"s":"\ud800"}""", "'s' is not valid Unicode text")]
    [InlineData("""{"s":"x\udc00y"}""", "'s' is not valid Unicode text")]
    [InlineData("""{"licenses":[],"licenses":123}""", "'licenses' appears twice")]
    [InlineData("""{"outer":{"k":1,"k":2}}""", "'outer.k' appears twice")]
    [InlineData("""{"na\u0000me":"x"}""", "field name contains a control character")]
    public async Task TextNoRouteCanStoreIsRefusedNamingTheField(string body, string expected)
    {
        using var response = await service.Client.PostAsync("/echo", Json(body));

        var (status, error) = await response.ReadErrorAsync();
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
        Assert.Contains(expected, error.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a surrogate encoded as UTF-8
    [InlineData(new byte[] { 0x7F })] // DEL, which JSON lets through unescaped
    [InlineData(new byte[] { 0xC2, 0x9B })] // a C1 control, unescaped
    public async Task RawBytesThatAreNotTextAreRefused(byte[] inside)
    {
        byte[] body = [.. "{\"s\":\"a"u8, .. inside, .. "b\"}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await service.Client.PostAsync("/echo", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("VALIDATION_ERROR", (await response.ReadErrorAsync()).Body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task TextWithLineBreaksTabsAndAnyScriptReachesTheRouteUnchanged()
    {
        const string body = """{"text":"line\nnext\ttab\r","emoji":"\ud83d\ude00 😀","name":"Zoë 東京","n":[1,{"a":null}],"a":"\u00e9"}""";

        using var response = await service.Client.PostAsync("/echo", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ABodyArrivingInPiecesIsExaminedWholeAndStillReadByTheRoute()
    {
        var good = "{\"blob\":\"" + new string('x', 300_000) + "\"}";
        var bad = "{\"blob\":\"" + new string('x', 300_000) + "\",\"tail\":\"\\u0000\"}";

        using var accepted = await service.Client.PostAsync("/echo", Chunked(good));
        using var refused = await service.Client.PostAsync("/echo", Chunked(bad));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(good.Length, (await accepted.Content.ReadAsStringAsync()).Length);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("'tail'", (await refused.ReadErrorAsync()).Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AMalformedBodyIsRefusedAsInvalidJson()
    {
        using var response = await service.Client.PostAsync("/typed", Json("""{"name":"""));

        var (status, error) = await response.ReadErrorAsync();
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_JSON", error.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("?q=%00")]
    [InlineData("?q=a%1Fb")]
    [InlineData("?r=1&q=%7F")]
    public async Task AQueryValueWithAControlCharacterIsRefused(string query)
    {
        using var response = await service.Client.GetAsync("/search" + query);

        var (status, error) = await response.ReadErrorAsync();
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
        Assert.Contains("'q'", error.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("?q=caf%C3%A9%20%E6%9D%B1", "café 東")]
    [InlineData("?q=%ED%A0%80x", "%ED%A0%80x")] // escapes of bytes that are not UTF-8 are left as they were: text
    public async Task AnOrdinaryQueryPasses(string query, string decoded)
    {
        using var response = await service.Client.GetAsync("/search" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(decoded, System.Text.Json.JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync()));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Sent without a length, in pieces, so the body cannot have arrived with the headers.</summary>
    private static StreamContent Chunked(string body)
    {
        var content = new StreamContent(new SlowStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    public sealed record Payload(string Name);

    /// <summary>Hands out at most 16 KB a read, so the request body goes out in many chunks.</summary>
    private sealed class SlowStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return await base.ReadAsync(buffer[..Math.Min(buffer.Length, 16 * 1024)], cancellationToken);
        }
    }
}
