using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Platform.EndToEnd.Tests;

/// <summary>The public API through the Gateway of the whole platform, with the development credentials.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayEndToEndTests(PlatformFixture platform)
{
    [Fact]
    public async Task TheDevelopmentKeyManagesProductsThroughTheGatewayWithItsPlansLimit()
    {
        using var client = platform.Gateway("testKey");

        using var created = await client.PostAsync("/api/v1/products", new StringContent("""{"name":"Through the gateway"}""", MediaTypeHeaderValue.Parse("application/json")));
        using var listed = await client.GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal("50000", string.Join(",", listed.Headers.GetValues("X-RateLimit-Limit")));
        Assert.NotEmpty(listed.Headers.GetValues("X-Request-Id"));
    }

    [Fact]
    public async Task TheBenchmarkKeyIsNotLimitedAndNoKeyIsAuthRequired()
    {
        using var bench = platform.Gateway("benchKey");
        using var anonymous = platform.Gateway(null);

        using var unlimited = await bench.GetAsync("/api/v1/products");
        using var refused = await anonymous.GetAsync("/api/v1/products");

        Assert.Equal(HttpStatusCode.OK, unlimited.StatusCode);
        Assert.False(unlimited.Headers.Contains("X-RateLimit-Limit"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("AUTH_REQUIRED", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ThePublicOpenApiDocumentHoldsLicensingsRoutes()
    {
        using var client = platform.Gateway(null);

        var document = JsonDocument.Parse(await client.GetStringAsync("/api/v1/openapi.json")).RootElement;

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/products", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/licenses", out _));
        foreach (var path in new[] { "/api/v1/validate", "/api/v1/activate", "/api/v1/deactivate" })
        {
            var responses = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("responses");
            foreach (var status in new[] { "400", "401", "403", "404", "429", "503" })
            {
                Assert.True(responses.TryGetProperty(status, out _), $"POST {path} does not list {status}");
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs")).StatusCode);
    }
}
