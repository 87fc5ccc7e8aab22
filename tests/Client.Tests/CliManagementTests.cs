namespace Platform.Client.Tests;

/// <summary><c>licensectl</c>'s admin commands as a real process against the test platform: products, licenses (import, export), webhooks, API keys, and its refusals.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CliManagementTests(PlatformFixture platform) : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task A_license_is_created_listed_renewed_rotated_and_revoked()
    {
        var product = await CreateProductAsync();

        var created = await OkAsync("licenses", "create", "--product", product, "--type", "subscription", "--email", "Ann@Example.com",
            "--max-activations", "3", "--expires-at", "2031-01-31", "--feature", "export", "--feature", "sso", "--json");
        var id = created.GetProperty("id").GetString()!;
        var key = created.GetProperty("key").GetString()!;
        var listed = await OkAsync("licenses", "list", "--product", product, "--json");
        var all = await OkAsync("licenses", "list", "--product", product, "--status", "active", "--all", "--limit", "1", "--json");
        var byEmail = await OkAsync("licenses", "list", "--email", "ann@example.com", "--all", "--json");
        var shown = await platform.CliAsync("licenses", "get", id);
        var renewed = await OkAsync("licenses", "renew", id, "--expires-at", "2032-06-30", "--json");
        var rotated = await OkAsync("licenses", "rotate", id, "--grace-days", "2", "--json");
        var revoked = await OkAsync("licenses", "revoke", id, "--json");

        Assert.Equal(("subscription", "ann@example.com", 3), (created.GetProperty("type").GetString(), created.GetProperty("customerEmail").GetString(),
            created.GetProperty("maxActivations").GetInt32()));
        Assert.Equal(["export", "sso"], created.GetProperty("features").EnumerateArray().Select(f => f.GetString()).Order());
        Assert.Equal(id, Assert.Single(listed.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(1, listed.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.Equal(id, Assert.Single(all.EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains(byEmail.EnumerateArray(), l => l.GetProperty("id").GetString() == id);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains(key, shown.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("2032-06-30", renewed.GetProperty("expiresAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(id, rotated.GetProperty("licenseId").GetString());
        Assert.NotEqual(key, rotated.GetProperty("newKey").GetString());
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Licenses_are_exported_to_a_file_and_imported_from_csv_and_json()
    {
        var product = await CreateProductAsync();
        var key = (await OkAsync("licenses", "create", "--product", product, "--type", "perpetual", "--json")).GetProperty("key").GetString()!;
        var csv = Path.Combine(folder.Path, "f.csv");
        var json = Path.Combine(folder.Path, "f.json");

        var export = await OkAsync("licenses", "export", "--format", "csv", "--output", csv, "--json");
        var jsonExport = await platform.CliAsync("licenses", "export", "--output", json);
        var toStdout = await platform.CliAsync("licenses", "export", "--format", "json");

        Assert.Contains(key, await File.ReadAllTextAsync(csv), StringComparison.Ordinal);
        Assert.StartsWith("key,", await File.ReadAllTextAsync(csv), StringComparison.Ordinal);
        Assert.Equal(("csv", Path.GetFullPath(csv)), (export.GetProperty("format").GetString(), export.GetProperty("file").GetString()));
        Assert.Equal(new FileInfo(csv).Length, export.GetProperty("bytes").GetInt64());
        Assert.True(export.GetProperty("licenses").GetInt64() >= 1);
        Assert.True(jsonExport.ExitCode == 0, jsonExport.ToString());
        Assert.Contains("Wrote", jsonExport.Stdout, StringComparison.Ordinal);
        Assert.Contains(JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement.GetProperty("licenses").EnumerateArray(),
            l => l.GetProperty("key").GetString() == key);
        Assert.True(toStdout.ExitCode == 0, toStdout.ToString());
        Assert.Contains(JsonDocument.Parse(toStdout.Stdout).RootElement.GetProperty("licenses").EnumerateArray(), l => l.GetProperty("key").GetString() == key);

        // Licenses from another system, with their own keys.
        var suffix = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var imports = Path.Combine(folder.Path, "f2.csv");
        await File.WriteAllTextAsync(imports,
            $"key,productId,type,customerEmail,features\nCLI-{suffix}-1,{product},perpetual,bob@example.com,export;sso\nCLI-{suffix}-2,{product},trial,,\n");
        var importedCsv = await OkAsync("licenses", "import", imports, "--json");
        var importsJson = Path.Combine(folder.Path, "f3.json");
        await File.WriteAllTextAsync(importsJson, $$"""{"licenses":[{"key":"CLI-{{suffix}}-3","productId":"{{product}}","status":"suspended"}]}""");
        var importedJson = await platform.CliAsync("licenses", "import", importsJson);
        var listed = await OkAsync("licenses", "list", "--product", product, "--all", "--json");

        Assert.Equal(2, importedCsv.GetProperty("imported").GetInt32());
        Assert.Equal([$"CLI-{suffix}-1", $"CLI-{suffix}-2"], importedCsv.GetProperty("data").EnumerateArray().Select(l => l.GetProperty("key").GetString()));
        Assert.True(importedJson.ExitCode == 0, importedJson.ToString());
        Assert.Contains("Imported 1 license(s)", importedJson.Stdout, StringComparison.Ordinal);
        var keys = listed.EnumerateArray().ToDictionary(l => l.GetProperty("key").GetString()!, l => l.GetProperty("status").GetString());
        Assert.Equal("active", keys[$"CLI-{suffix}-1"]);
        Assert.Equal("suspended", keys[$"CLI-{suffix}-3"]);
        Assert.Equal(4, keys.Count);

        // The same keys again: the platform refuses the whole import.
        var again = await platform.CliAsync("licenses", "import", imports);
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("CONFLICT:", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Products_webhooks_and_api_keys_are_listed_and_created()
    {
        var product = await CreateProductAsync();
        var products = await OkAsync("products", "list", "--limit", "100", "--json");
        var shown = await OkAsync("products", "get", product, "--json");
        var webhooks = await OkAsync("webhooks", "list", "--json");
        var created = await OkAsync("api-keys", "create", "--name", "CLI test", "--scope", "validate", "--json");
        var keyId = created.GetProperty("apiKey").GetProperty("id").GetString()!;
        var secret = created.GetProperty("secret").GetString()!;
        var keys = await OkAsync("api-keys", "list", "--limit", "100", "--json");
        var table = await platform.CliAsync("api-keys", "list", "--limit", "100");

        Assert.Contains(products.GetProperty("data").EnumerateArray(), p => p.GetProperty("id").GetString() == product);
        Assert.Equal(product, shown.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Array, webhooks.GetProperty("data").ValueKind);
        Assert.True(webhooks.TryGetProperty("pagination", out _));
        Assert.StartsWith("to_test_", secret, StringComparison.Ordinal);
        Assert.Equal(["validate"], created.GetProperty("apiKey").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(keys.GetProperty("data").EnumerateArray(), k => k.GetProperty("id").GetString() == keyId);
        Assert.Contains(keyId, table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, table.Stdout, StringComparison.Ordinal);

        // A key without the admin scope: 403, and the message says so.
        var forbidden = await CliProcess.RunAsync(new Dictionary<string, string?>(CliProcess.Environment(platform)) { ["LICENSE_API_KEY"] = secret },
            "products", "list");
        Assert.True(forbidden.ExitCode == 1, forbidden.ToString());
        Assert.Contains("FORBIDDEN", forbidden.Stderr, StringComparison.Ordinal);
        Assert.Contains("admin scope", forbidden.Stderr, StringComparison.Ordinal);

        var revoked = await OkAsync("api-keys", "revoke", keyId, "--json");
        Assert.NotEqual(JsonValueKind.Null, revoked.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task A_webhook_endpoint_is_created_tested_and_a_delivery_redelivered()
    {
        await using var receiver = await WebhookSink.StartAsync();

        var created = await OkAsync("webhooks", "create", "--url", receiver.Url.ToString(), "--event", "license.created", "--description", "CLI test", "--json");
        var endpointId = created.GetProperty("endpoint").GetProperty("id").GetString()!;
        var test = await OkAsync("webhooks", "test", endpointId, "--json");
        var deliveryId = test.GetProperty("id").GetString()!;
        var delivered = await platform.CliAsync("webhooks", "deliveries", endpointId, "--status", "delivered", "--json");
        for (var deadline = DateTime.UtcNow.AddSeconds(30);
             !delivered.Stdout.Contains(deliveryId, StringComparison.Ordinal) && DateTime.UtcNow < deadline; await Task.Delay(300))
        {
            delivered = await platform.CliAsync("webhooks", "deliveries", endpointId, "--status", "delivered", "--json");
        }

        var redelivery = await OkAsync("webhooks", "redeliver", endpointId, deliveryId, "--json");

        Assert.StartsWith("whsec_", created.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal("webhook.test", test.GetProperty("event").GetString());
        Assert.Contains(delivered.Json().GetProperty("data").EnumerateArray(), d => d.GetProperty("id").GetString() == deliveryId);
        Assert.Equal(deliveryId, redelivery.GetProperty("redeliveryOf").GetString());
        Assert.Contains(receiver.Deliveries, r => r.DeliveryId == deliveryId);
    }

    [Fact]
    public async Task A_refused_api_key_is_named_masked_with_where_it_came_from()
    {
        var bad = "to_test_ab" + Guid.NewGuid().ToString("N") + "yz";
        var fromEnvironment = await CliProcess.RunAsync(new Dictionary<string, string?>(CliProcess.Environment(platform)) { ["LICENSE_API_KEY"] = bad },
            "products", "list", "--json");
        var fromOption = await platform.CliAsync("licenses", "list", "--api-key", bad);
        var missing = await platform.CliAsync("licenses", "get", "lic_doesnotexist");

        Assert.True(fromEnvironment.ExitCode == 1, fromEnvironment.ToString());
        Assert.Contains("INVALID_API_KEY", fromEnvironment.Stderr, StringComparison.Ordinal);
        Assert.Contains("to_test_ab…yz", fromEnvironment.Stderr, StringComparison.Ordinal);
        Assert.Contains("LICENSE_API_KEY", fromEnvironment.Stderr, StringComparison.Ordinal);
        Assert.Contains("revoked", fromEnvironment.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(bad, fromEnvironment.Stderr, StringComparison.Ordinal);
        Assert.Empty(fromEnvironment.Stdout);
        Assert.True(fromOption.ExitCode == 1, fromOption.ToString());
        Assert.Contains("(from --api-key)", fromOption.Stderr, StringComparison.Ordinal);
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains("NOT_FOUND:", missing.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    private async Task<string> CreateProductAsync() =>
        (await OkAsync("products", "create", "--name", "CLI tests " + Guid.NewGuid().ToString("N")[..8], "--platform", "linux", "--json"))
        .GetProperty("id").GetString()!;

    /// <summary>Runs a command that must succeed with <c>--json</c>; its answer.</summary>
    private async Task<JsonElement> OkAsync(params string[] arguments)
    {
        var result = await platform.CliAsync(arguments);
        Assert.True(result.ExitCode == 0, $"licensectl {string.Join(' ', arguments)}: {result}");
        return result.Json();
    }
}
