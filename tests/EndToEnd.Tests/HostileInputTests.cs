using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Every operation of the public OpenAPI document, through the Gateway of the whole platform, sent hostile input: ids
/// with NUL, traversal and SQL, bad paging, malformed, truncated, deeply nested and oversized bodies, wrong types,
/// control characters, lone surrogates, duplicate keys, wrong content types, no credentials. No answer may be a 5xx,
/// and every error must be in the platform's format (save Kestrel's own refusal of a NUL in the path, see
/// <see cref="ProblemAsync"/>). The inputs are fixed, so a failure replays as it was.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HostileInputTests(PlatformFixture platform)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

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
        using var anonymous = FromOtherAddress(platform.Url("gateway"));
        var document = JsonNode.Parse(await client.GetStringAsync("/api/v1/openapi.json"))!;
        var findings = new List<string>();
        var sent = 0;
        var operations = 0;

        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (!Methods.Contains(method))
                {
                    continue;
                }

                operations++;
                var hasBody = operation!["requestBody"] is not null || method is "post" or "put" or "patch";
                var requests = new List<(HttpClient Client, string Path, HttpContent? Body)>();
                foreach (var id in HostileIds)
                {
                    requests.Add((client, Fill(template, id), hasBody ? Json("{}") : null));
                }

                var path = Fill(template, "zz_missing");
                requests.AddRange(HostileQueries.Select(query => (client, path + query, (HttpContent?)null)));
                if (hasBody)
                {
                    requests.AddRange(HostileBodies.Select(body => (client, path, (HttpContent?)Json(body))));
                    requests.Add((client, path, new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "text/plain")));
                    requests.Add((client, path, new FormUrlEncodedContent([new("name", "x")])));
                    requests.Add((client, path, new ByteArrayContent([0xFF, 0xFE, 0x00, 0x7B]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }));
                }

                requests.Add((anonymous, path, hasBody ? Json("{}") : null));
                foreach (var (sender, target, body) in requests)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), target) { Content = body };
                    using var response = await sender.SendAsync(request);
                    sent++;
                    if (await ProblemAsync(response, target) is { } problem)
                    {
                        findings.Add($"{method.ToUpperInvariant()} {Shorten(target)} {Shorten(body is null ? "" : await body.ReadAsStringAsync())}: {problem}");
                    }
                }
            }
        }

        // The keyless requests counted against 127.0.0.2 only: 127.0.0.1, the other tests' address, is not limited.
        using var shared = platform.Gateway(null);
        using var stillOpen = await shared.GetAsync("/api/v1/products");
        Assert.Equal(HttpStatusCode.Unauthorized, stillOpen.StatusCode);
        Assert.True(operations >= 50, $"only {operations} operations in the OpenAPI document");
        Assert.True(findings.Count == 0, $"{findings.Count} of {sent} answers were wrong:\n{string.Join("\n", findings.Take(40))}");
    }

    private static string Fill(string template, string id)
    {
        var path = new StringBuilder();
        foreach (var segment in template.Split('/'))
        {
            path.Append(path.Length > 0 || segment.Length > 0 ? "/" : "").Append(segment.StartsWith('{') ? id : segment);
        }

        return path.ToString();
    }

    private static async Task<string?> ProblemAsync(HttpResponseMessage response, string target)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"{status} {Shorten(text)}";
        }

        // Kestrel refuses a NUL in the request path itself, before any middleware runs, with an empty 400: ASP.NET Core
        // has no hook to give that answer a body. Every other refusal is the platform's own.
        if (status < 400 || (status == 400 && text.Length == 0 && target.Split('?')[0].Contains("%00", StringComparison.Ordinal)))
        {
            return null;
        }

        try
        {
            var body = JsonDocument.Parse(text).RootElement;
            return body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                && body.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? null
                : $"{status} without the error format: {Shorten(text)}";
        }
        catch (JsonException)
        {
            return $"{status} with a body that is not JSON: {Shorten(text)}";
        }
    }

    /// <summary>
    /// A client without a key that connects from 127.0.0.2: requests without a key count against their address's
    /// limit (60 a minute), which the other tests of the shared platform, from 127.0.0.1, must still find untouched.
    /// </summary>
    private static HttpClient FromOtherAddress(Uri gateway) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(10) };

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
