using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Platform.AppHost.Hosting.Resources;

namespace Platform.EndToEnd.Tests;

/// <summary>The public API through the Gateway of the whole platform, with the development credentials.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayEndToEndTests(PlatformFixture platform)
{
    private async Task<(HttpClient Client, JsonElement Credentials)> ClientAsync(string? keyName)
    {
        var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(((DevelopmentCredentialsResource)platform.App.GetResource("credentials")).Path)).RootElement;
        var client = new HttpClient { BaseAddress = new Uri(((ProjectResource)platform.App.GetResource("gateway")).HttpEndpoint.Url), Timeout = TimeSpan.FromSeconds(10) };
        if (keyName is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.GetProperty(keyName).GetString());
        }

        return (client, credentials);
    }

    [Fact]
    public async Task TheDevelopmentKeyManagesProductsThroughTheGatewayWithItsPlansLimit()
    {
        var (client, _) = await ClientAsync("testKey");
        using var owned = client;

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
        var (bench, _) = await ClientAsync("benchKey");
        var (anonymous, _) = await ClientAsync(null);
        using var owned = bench;
        using var ownedAnonymous = anonymous;

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
        var (client, _) = await ClientAsync(null);
        using var owned = client;

        var document = JsonDocument.Parse(await client.GetStringAsync("/api/v1/openapi.json")).RootElement;

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/products", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/licenses", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs/index.html")).StatusCode);
    }
}
