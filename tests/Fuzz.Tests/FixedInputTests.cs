using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Fuzz.Tests.Platform;

namespace Platform.Fuzz.Tests;

/// <summary>
/// Every operation of the public OpenAPI document, through the Gateway of the whole platform, sent hostile input: ids
/// with NUL, traversal and SQL, bad paging, malformed, truncated, deeply nested and oversized bodies, wrong types,
/// control characters, lone surrogates, duplicate keys, wrong content types, no credentials. No answer may be a 5xx,
/// every error must be in the platform's format (<see cref="ErrorFormat"/>), and validations are still counted
/// afterwards. The inputs are fixed, so a failure replays as it was; <see cref="GeneratedInputTests"/> varies them.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FixedInputTests(PlatformFixture platform, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] HostileIds =
    [
        "x", "%00", "a%00b", "..%2F..%2Fetc%2Fpasswd", "'%20OR%201%3D1--", "%F0%9F%98%80", "%ED%A0%80", "-1",
        new string('a', 2000),
    ];

    private static readonly string[] HostileQueries =
    [
        "?page=-1&limit=0", "?page=abc&limit=1000000", "?limit=99999999999999999999", "?product_id=%00&status=%00",
        "?status=%27%3B%20DROP%20TABLE%20licenses%3B--", "?customer_email=%ED%A0%80", "?days=-5&from=not-a-date",
    ];

    private static readonly string[] HostileBodies =
    [
        "", "{", "[]", "null", "\"text\"", "123", "{\"name\":", "{\"name\":\"a\\u0000b\"}", "{\"name\":\"\\ud800\"}",
        "{\"licenses\":[],\"licenses\":123}", "{\"name\":1e400,\"max_activations\":-99999999999}",
        "{\"max_activations\":\"three\",\"expires_at\":\"not a date\",\"events\":\"*\",\"url\":{\"a\":1}}",
        "{\"product_id\":null,\"plan_id\":null,\"key\":null,\"license_key\":[1,2]}",
        "{\"key\":\"TO-AAAA\",\"machine_id\":\"m\\u001b[31m\",\"domain\":\"\\u0000.example\"}",
        new string('[', 5000) + new string(']', 5000),
        "{\"name\":\"" + new string('x', 200_000) + "\"}",
    ];

    [Fact]
    public async Task NoOperationAnswersHostileInputWithA5xxOrOutsideTheErrorFormat()
    {
        using var client = platform.Gateway("testKey");
        client.Timeout = FuzzClient.Timeout;
        using var anonymous = ClientAddress.From("127.0.0.2", platform.Url("gateway"));
        var operations = PublicOperation.AllOf(JsonNode.Parse(await client.GetStringAsync("/api/v1/openapi.json"))!);
        var findings = new List<string>();
        var sent = 0;

        foreach (var operation in operations)
        {
            var requests = new List<(HttpClient Client, string Path, HttpContent? Body)>();
            foreach (var id in HostileIds)
            {
                requests.Add((client, operation.PathWith(id), operation.HasBody ? Json("{}") : null));
            }

            var path = operation.PathWith("zz_missing");
            requests.AddRange(HostileQueries.Select(query => (client, path + query, (HttpContent?)null)));
            if (operation.HasBody)
            {
                requests.AddRange(HostileBodies.Select(body => (client, path, (HttpContent?)Json(body))));
                requests.Add((client, path, new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "text/plain")));
                requests.Add((client, path, new FormUrlEncodedContent([new("name", "x")])));
                requests.Add((client, path, new ByteArrayContent([0xFF, 0xFE, 0x00, 0x7B]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }));
            }

            requests.Add((anonymous, path, operation.HasBody ? Json("{}") : null));
            foreach (var (sender, target, body) in requests)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), target) { Content = body };
                using var response = await FuzzClient.SendAsync(sender, request);
                sent++;
                if ((response is null ? "no answer (connection failed or timed out)" : await ErrorFormat.ProblemAsync(response, target)) is { } problem)
                {
                    findings.Add($"{operation.Method.ToUpperInvariant()} {ErrorFormat.Shorten(target)} {ErrorFormat.Shorten(body is null ? "" : await body.ReadAsStringAsync())}: {problem}");
                }
            }
        }

        output.WriteLine($"{sent} requests, {operations.Count} operations, {findings.Count} findings");
        // The keyless requests counted against 127.0.0.2 only: 127.0.0.1, the other tests' address, is not limited.
        using var shared = platform.Gateway(null);
        using var stillOpen = await shared.GetAsync("/api/v1/products");
        Assert.Equal(HttpStatusCode.Unauthorized, stillOpen.StatusCode);
        Assert.True(operations.Count >= 50, $"only {operations.Count} operations in the OpenAPI document");
        Assert.True(findings.Count == 0, $"{findings.Count} of {sent} answers were wrong:\n{string.Join("\n", findings.Take(40))}");
        await UsageCounting.AssertStillCountsAsync(platform);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
