using System.Net;
using System.Text;
using LicensePlatform.Client.Management;

namespace Platform.Client.Tests;

/// <summary>Licenses moving in with their own keys (JSON and CSV) and out again (CSV and JSON, streamed).</summary>
[Collection(PlatformCollection.Name)]
public sealed class ManagementTransferTests(PlatformFixture platform) : IDisposable
{
    private readonly TempFolder cache = new();

    [Fact]
    public async Task Imported_licenses_keep_their_keys_and_terms_and_the_csv_export_has_them()
    {
        using var client = platform.ManagementClient(cache);
        var product = await client.NewProductAsync("Import");
        var (first, second) = (ManagementTestData.ImportedKey("json"), ManagementTestData.ImportedKey("json"));

        var json = await client.Licenses.ImportAsync(
        [
            new PortableLicense
            {
                Key = first, ProductId = product.Id, Type = LicenseType.Subscription, CustomerEmail = "old@example.com", MaxActivations = 4,
                Features = ["legacy"], ExpiresAt = DateTimeOffset.UtcNow.AddDays(-3),
                Metadata = new Dictionary<string, JsonElement> { ["source"] = ManagementTestData.Json("v1") },
            },
            new PortableLicense { Key = second, ProductId = product.Id, Status = LicenseStatus.Suspended },
        ]);
        Assert.Equal(2, json.Imported);
        Assert.Equal([first, second], json.Data.Select(l => l.Key));
        var kept = json.Data[0];
        Assert.Equal((LicenseStatus.Active, LicenseType.Subscription, "old@example.com", 4, "v1"),
            (kept.Status, kept.Type, kept.CustomerEmail, kept.MaxActivations, kept.Metadata["source"].GetString()));
        Assert.True(kept.ExpiresAt < DateTimeOffset.UtcNow, "An import keeps a past expiry.");
        Assert.Equal((LicenseStatus.Suspended, LicenseType.Perpetual, 1), (json.Data[1].Status, json.Data[1].Type, json.Data[1].MaxActivations));

        var (third, fourth, fifth) = (ManagementTestData.ImportedKey("csv"), ManagementTestData.ImportedKey("csv"), ManagementTestData.ImportedKey("csv"));
        var csv = await client.Licenses.ImportCsvAsync(
            "key,product_id,type,customerEmail,max_activations,features,metadata\n"
            + $"{third},{product.Id},trial,a@example.com,2,one;two,\"{{\"\"seat\"\":\"\"A\"\"}}\"\n"
            + $"{fourth},{product.Id},floating,,,,\n");
        Assert.Equal(2, csv.Imported);
        Assert.Equal([third, fourth], csv.Data.Select(l => l.Key));
        Assert.Equal((LicenseType.Trial, "a@example.com", 2, "A"),
            (csv.Data[0].Type, csv.Data[0].CustomerEmail, csv.Data[0].MaxActivations, csv.Data[0].Metadata["seat"].GetString()));
        Assert.Equal(["one", "two"], csv.Data[0].Features.Order(StringComparer.Ordinal));
        Assert.Equal(LicenseType.Floating, csv.Data[1].Type);

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes($"key,productId,status\r\n{fifth},{product.Id},revoked\r\n"));
        var fromStream = await client.Licenses.ImportCsvAsync(stream);
        Assert.Equal((1, fifth, LicenseStatus.Revoked), (fromStream.Imported, Assert.Single(fromStream.Data).Key, fromStream.Data[0].Status));
        Assert.Equal(5, (await client.Licenses.ListAsync(new LicenseListQuery { ProductId = product.Id })).Pagination.Total);

        await using var export = await client.Licenses.ExportAsync(LicenseExportFormat.Csv);
        using var reader = new StreamReader(export);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("key,productId,planId,status,type,customerEmail,maxActivations", lines[0], StringComparison.Ordinal);
        // The first one's expiry has passed: the expiry scanner may have marked it expired by now.
        foreach (var (key, status) in new[] { (first, ""), (second, "suspended,"), (third, "active,"), (fourth, "active,"), (fifth, "revoked,") })
        {
            var row = Assert.Single(lines, l => l.StartsWith(key + ",", StringComparison.Ordinal));
            Assert.StartsWith($"{key},{product.Id},,{status}", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_json_export_reads_as_portable_licenses_that_import_again()
    {
        using var client = platform.ManagementClient(cache);
        var product = await client.NewProductAsync("Export");
        var plan = await client.Plans.CreatePlanAsync(product.Id);
        var issued = await client.Licenses.CreateAsync(new CreateLicenseRequest
        {
            ProductId = product.Id, PlanId = plan.Id, Domains = ["shop.example.com"], Features = ["extra"],
            Metadata = new Dictionary<string, JsonElement> { ["n"] = ManagementTestData.Json(7) },
        });

        var exported = new List<PortableLicense>();
        await foreach (var license in client.Licenses.ExportAllAsync())
        {
            exported.Add(license);
        }

        var mine = Assert.Single(exported, l => l.ProductId == product.Id);
        Assert.Equal((issued.Key, plan.Id, LicenseStatus.Active, LicenseType.Subscription, 7),
            (mine.Key, mine.PlanId, mine.Status, mine.Type, mine.Metadata!["n"].GetInt32()));
        Assert.Equal(["shop.example.com"], mine.Domains!);
        Assert.Equal(["extra"], mine.Features!);
        ManagementTestData.Near(issued.ExpiresAt!.Value, mine.ExpiresAt);
        Assert.Equal(exported.Count, exported.Select(l => l.Key).Distinct().Count());

        // Its key is in use: importing it again is refused, and with it the whole import.
        var newcomer = ManagementTestData.ImportedKey("again");
        var refused = await Assert.ThrowsAsync<LicenseApiException>(() => client.Licenses.ImportAsync([mine with { }, mine with { Key = newcomer }]));
        Assert.Equal((HttpStatusCode.Conflict, ErrorCodes.Conflict), (refused.StatusCode, refused.Code));
        Assert.Equal(1, (await client.Licenses.ListAsync(new LicenseListQuery { ProductId = product.Id })).Pagination.Total);

        var moved = await client.Licenses.ImportAsync([mine with { Key = newcomer }]);
        Assert.Equal((newcomer, plan.Id, "Monthly"), (moved.Data[0].Key, moved.Data[0].PlanId, moved.Data[0].PlanName));
    }

    public void Dispose() => cache.Dispose();
}
