using System.Net;
using System.Text;
using Platform.Contracts.Keys;
using Platform.Protos.Licensing.V1;

namespace Platform.Licensing.Tests;

/// <summary>Licenses imported with their own keys (JSON and CSV), all or nothing, and exported again.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ImportExportTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ImportedKeysKeepWorkingAndAnExportImportsIntoAnotherEnvironmentUnchanged()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var platformKey = LicenseKeyFormat.Generate("OLD");
        var imported = await s.PostAsync("/api/v1/licenses/import", new
        {
            licenses = new object[]
            {
                new { key = "LEGACY-1234-abcd_99", product_id = s.ProductId, customer_email = "a@example.com", max_activations = 2, features = new[] { "pro" } },
                new { key = platformKey, product_id = s.ProductId, status = "suspended", metadata = new { source = "old" } },
            },
        });
        var legacy = await s.Licensing.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = "LEGACY-1234-abcd_99" });
        var suspended = await s.Licensing.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = platformKey.ToLowerInvariant() });

        Assert.Equal(2, imported.GetProperty("imported").GetInt32());
        Assert.Equal(("active", 2), (legacy.Status, legacy.MaxActivations));
        Assert.Equal("suspended", suspended.Status);

        var csv = await (await s.Client.GetAsync("/api/v1/licenses/export?format=csv")).Content.ReadAsStringAsync();
        var json = await s.GetAsync("/api/v1/licenses/export");
        Assert.StartsWith("key,productId,planId,status", csv);
        Assert.Contains("LEGACY-1234-abcd_99", csv);
        Assert.Equal(2, json.GetProperty("licenses").GetArrayLength());

        // Keys are unique across the platform: the same export cannot be imported twice, and nothing of it lands.
        var again = await s.Client.PostAsync("/api/v1/licenses/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(2, await s.Database.ScalarAsync<long>("SELECT count(*) FROM licenses"));
    }

    [Fact]
    public async Task CsvWithQuotedFieldsIsReadAndBadRowsAreNamed()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var csv = $"key,product_id,customer_email,features,metadata,expires_at\r\n" +
                  $"ACME-LEGACY-0001,{s.ProductId},b@example.com,\"sync;export\",\"{{\"\"note\"\":\"\"a, b\"\"}}\",2031-01-01T00:00:00Z\r\n";
        var ok = await s.Client.PostAsync("/api/v1/licenses/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var badNumber = await s.Client.PostAsync("/api/v1/licenses/import",
            new StringContent($"key,product_id,max_activations\nACME-LEGACY-0002,{s.ProductId},many\n", Encoding.UTF8, "text/csv"));
        var badKey = await s.Client.PostAsync("/api/v1/licenses/import",
            new StringContent($"key,product_id\nshort,{s.ProductId}\n", Encoding.UTF8, "text/csv"));
        // One symbol changed (to one it is not already: a key ending in Z stayed valid, about one run in 32).
        var valid = LicenseKeyFormat.Generate();
        var typo = valid[..^1] + (valid[^1] == 'Z' ? "Y" : "Z");
        var badChecksum = await s.PostAsync("/api/v1/licenses/import", new { licenses = new[] { new { key = typo, product_id = s.ProductId } } }, HttpStatusCode.BadRequest);
        var unknownColumn = await s.Client.PostAsync("/api/v1/licenses/import", new StringContent("key,owner\nx,y\n", Encoding.UTF8, "text/csv"));

        var body = await ok.JsonAsync();
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var license = body.GetProperty("data")[0];
        Assert.Equal(["sync", "export"], license.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("a, b", license.GetProperty("metadata").GetProperty("note").GetString());
        Assert.Contains("max_activations", (await badNumber.JsonAsync()).GetProperty("error").GetString());
        Assert.Contains("licenses[0].key", (await badKey.JsonAsync()).GetProperty("error").GetString());
        Assert.Contains("licenses[0].key", badChecksum.GetProperty("error").GetString());
        Assert.Contains("owner", (await unknownColumn.JsonAsync()).GetProperty("error").GetString());
        Assert.Equal(1, await s.Database.ScalarAsync<long>("SELECT count(*) FROM licenses"));
    }
}
