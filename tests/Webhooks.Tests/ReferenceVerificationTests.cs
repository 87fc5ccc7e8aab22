using System.Globalization;
using System.Text;
using Platform.Webhooks.Dispatch;

namespace Platform.Webhooks.Tests;

/// <summary>
/// Deliveries checked by the reference's own verification code: its Node.js example, which signs
/// <c>JSON.stringify(req.body)</c>, the parsed body written again, and its Python example, which signs the raw body.
/// Both must accept every delivery, for bodies with non-ASCII text, characters JSON may escape, and integer-like keys.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ReferenceVerificationTests(PostgresFixture postgres, BrokerFixture broker)
{
    private static readonly object HardMetadata = new Dictionary<string, object>
    {
        ["note"] = "<b>Zoë & \"friends\"</b> 😀 a/b \\ tab\there",
        ["2"] = "an integer-like key, which JavaScript lists first",
        ["ratio"] = 0.000001,
        ["big"] = 1e21,
    };

    [Fact]
    public async Task TheReferencesNodeAndPythonChecksAcceptEveryDeliveryAndThePing()
    {
        await using var node = await ReferenceVerifier.NodeAsync();
        await using var python = await ReferenceVerifier.PythonAsync();
        await using var host = await WebhooksHost.StartAsync(await WebhooksSetup.CreateAsync(postgres, broker));
        var tenant = TestEvents.NewTenant();
        using var client = host.ClientFor(tenant);
        var (nodeEndpoint, nodeSecret) = await client.CreateEndpointAsync(node.Url, "license.created");
        var (pythonEndpoint, pythonSecret) = await client.CreateEndpointAsync(python.Url, "license.created");
        (node.Secret, python.Secret) = (nodeSecret, pythonSecret);

        await host.PublishAsync(TestEvents.License(tenant, metadata: HardMetadata));

        foreach (var endpoint in new[] { nodeEndpoint, pythonEndpoint })
        {
            var delivery = await client.WaitForDeliveryAsync(endpoint, "delivered");
            Assert.Equal((1, 200), (delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("lastResponseCode").GetInt32()));
        }

        // The ping is built by Webhooks itself, not taken from an event: the reference's checks accept it too.
        foreach (var endpoint in new[] { nodeEndpoint, pythonEndpoint })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/v1/webhooks/{endpoint}/test", null)).StatusCode);
            var ping = await client.WaitForDeliveryAsync(endpoint, "delivered", eventType: "webhook.test");
            Assert.Equal((1, 200), (ping.GetProperty("attempts").GetInt32(), ping.GetProperty("lastResponseCode").GetInt32()));
        }
    }

    [Fact]
    public async Task TheNodeCheckRefusesABodyNotInJsonStringifyFormWhichThePythonCheckAccepts()
    {
        await using var node = await ReferenceVerifier.NodeAsync();
        await using var python = await ReferenceVerifier.PythonAsync();
        (node.Secret, python.Secret) = ("whsec_test", "whsec_test");
        // What Postgres' jsonb gives back: a space after each ':' and ','.
        const string spaced = """{"event": "license.created", "data": {"licenseId": "lic_1"}}""";
        using var http = new HttpClient();

        Assert.Equal(401, await SendSignedAsync(http, node.Url, spaced, "whsec_test"));
        Assert.Equal(200, await SendSignedAsync(http, python.Url, spaced, "whsec_test"));
        Assert.Equal(200, await SendSignedAsync(http, node.Url, JsonStringifyForm.Of(spaced), "whsec_test"));
    }

    [Fact]
    public async Task BodiesAreWrittenAsNodesJsonStringifyWritesThem()
    {
        string[] texts =
        [
            """{ "b" : 1, "10": 2, "2": 3, "01": 4, "-1": 5, "4294967295": 6, "a": [1.0, 1e2, 1E-7, 0.000001, 1.5e-7, 123456789012345678901234, -0, 5e-324, 1.7976931348623157e308, 12.5, 1e400] }""",
            """{"s": "\u00e9\u00E9 \ud83d\ude00 \ud800 x\udc00 \u0001\u001f\u007f\u0085 \/ <>&' \" \\ \b\f\n\r\t \u2028\u2029"}""",
            """{"a": 1, "a": 2, "b": {"a": [], "c": {}}, "t": true, "f": false, "n": null}""",
            """[1, "two", [3], {"4": 5}]""",
            "\"only a string\"",
        ];

        var expected = (await Node.RunAsync("reference/stringify.js", texts)).Deserialize<string[]>()!;

        Assert.Equal(expected, texts.Select(JsonStringifyForm.Of));
    }

    private static async Task<int> SendSignedAsync(HttpClient http, string url, string body, string secret)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSender.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSender.SignatureHeader, WebhookSignature.Compute(secret, timestamp, body));
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }
}
