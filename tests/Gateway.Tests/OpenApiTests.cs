using System.Text.Json.Nodes;

namespace Platform.Gateway.Tests;

/// <summary>The merged public document, built from the real Licensing's document and the plain upstream's.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task EveryForwardedOperationOfLicensingAppearsWithItsRequestSchemaAndTheGatewaysErrors()
    {
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var http = new HttpClient();
        var licensing = JsonNode.Parse(await http.GetStringAsync(new Uri(platform.Licensing.Http, "/openapi/v1.json")))!;

        using var response = await gateway.Client().GetAsync("/api/v1/openapi.json");
        var merged = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.1", merged["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var operations = 0;
        foreach (var (path, item) in licensing["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                operations++;
                var public_ = merged["paths"]?[path]?[method];
                Assert.True(public_ is not null, $"{method} {path} is missing");
                Assert.True(JsonNode.DeepEquals(Schema(licensing, operation!["requestBody"]), Schema(merged, public_["requestBody"])), $"{method} {path} request schema differs");
                foreach (var status in new[] { "401", "403", "429", "503" })
                {
                    Assert.True(public_["responses"]?[status]?["content"]?["application/json"]?["schema"] is not null, $"{method} {path} lacks {status}");
                }

                Assert.Equal("apiKey", public_["security"]![0]!.AsObject().Single().Key);
            }
        }

        Assert.True(operations >= 6, $"Licensing documents only {operations} operations");
        var limit = merged["paths"]!["/api/v1/licenses"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "limit")!;
        Assert.Equal("Items per page, 1 to 100 (default 20).", limit["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task SchemasOfTheSameNameFromTwoServicesAreBothKeptAndEveryReferenceResolves()
    {
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var http = new HttpClient();
        var licensing = JsonNode.Parse(await http.GetStringAsync(new Uri(platform.Licensing.Http, "/openapi/v1.json")))!;
        var upstream = JsonNode.Parse(Upstream.OpenApiDocument)!;

        var merged = JsonNode.Parse(await gateway.Client().GetStringAsync("/api/v1/openapi.json"))!;

        var validateAnswer = merged["paths"]!["/api/v1/validate"]!["post"]!["responses"]!["200"];
        var createProduct = merged["paths"]!["/api/v1/products"]!["post"]!["requestBody"];
        Assert.True(JsonNode.DeepEquals(upstream["components"]!["schemas"]!["CreateProductRequest"], Schema(merged, validateAnswer)));
        Assert.True(JsonNode.DeepEquals(licensing["components"]!["schemas"]!["CreateProductRequest"], Schema(merged, createProduct)));
        foreach (var reference in References(merged))
        {
            Assert.True(merged["components"]!["schemas"]![reference["#/components/schemas/".Length..]] is not null, $"{reference} is dangling");
        }
    }

    /// <summary>The JSON schema of a request body or response, its reference followed.</summary>
    private static JsonNode? Schema(JsonNode document, JsonNode? bodyOrResponse)
    {
        var schema = bodyOrResponse?["content"]?["application/json"]?["schema"];
        return schema?["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]
            : schema;
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v ? [v.GetValue<string>()] : References(p.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };

    [Fact]
    public async Task OnlyRoutedOperationsOfAServiceArePublishedAndPublicRoutesNeedNoKey()
    {
        await using var gateway = await GatewayHost.StartAsync(platform);

        var merged = JsonNode.Parse(await gateway.Client().GetStringAsync("/api/v1/openapi.json"))!;

        var validate = merged["paths"]!["/api/v1/validate"]!["post"]!;
        Assert.Equal("#/components/schemas/ValidateRequest",
            validate["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(merged["components"]!["schemas"]!["ValidateRequest"]);
        Assert.NotNull(validate["responses"]!["429"]);
        // A key is optional there, but a bad one is refused.
        Assert.NotNull(validate["responses"]!["401"]);
        Assert.Contains(validate["security"]!.AsArray(), s => s!.AsObject().Count == 0);
        Assert.Null(merged["paths"]!["/internal/metrics"]);
    }

    [Fact]
    public async Task TheDocsPageIsScalarOverThePublicDocument()
    {
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var client = gateway.Client();

        using var page = await client.GetAsync("/docs");
        var html = await page.Content.ReadAsStringAsync();
        using var script = await client.GetAsync("/docs/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // Scalar names the document relative to the site root.
        Assert.Contains("\"api/v1/openapi.json\"", html, StringComparison.Ordinal);
        Assert.Contains("scalar.js", html, StringComparison.Ordinal);
        // Scalar's script is served by the Gateway itself, not fetched from a CDN.
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task EveryErrorsHelpLinkOpensASectionThatExplainsItsCode()
    {
        var tenant = await platform.Licensing.CreateTenantAsync(Platform.Licensing.Model.RateLimitPlan.Enterprise);
        await using var gateway = await GatewayHost.StartAsync(platform);
        using var anonymous = gateway.Client();
        using var keyed = gateway.Client(tenant.LiveKey);
        using var badKey = gateway.Client("to_live_nothing");

        HttpResponseMessage[] errors =
        [
            await anonymous.GetAsync("/api/v1/products"),
            await badKey.GetAsync("/api/v1/products"),
            await keyed.GetAsync("/api/v1/nothing-here"),
            await keyed.GetAsync("/api/v1/products/prod_missing"),
            await keyed.SendAsync(new HttpRequestMessage(new HttpMethod("TRACE"), "/api/v1/products")),
        ];
        var page = await anonymous.GetStringAsync("/docs/errors");

        foreach (var error in errors)
        {
            var body = await error.JsonAsync();
            var code = body.GetProperty("code").GetString()!;
            Assert.Equal($"/docs/errors#{code}", body.GetProperty("help").GetString());
            Assert.Contains($"<section id=\"{code}\">", page, StringComparison.Ordinal);
            error.Dispose();
        }

        // Every shared code has its section, with what it means and what to do.
        foreach (var field in typeof(Platform.ServiceDefaults.Errors.ErrorCodes).GetFields().Where(f => f.IsLiteral))
        {
            var code = (string)field.GetRawConstantValue()!;
            Assert.Contains($"<section id=\"{code}\">", page, StringComparison.Ordinal);
        }

        Assert.Contains("What to do:", page, StringComparison.Ordinal);
    }
}
