using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Platform.Licensing.IntegrationEvents;
using Platform.Protos.Licensing.V1;

namespace Platform.Licensing.Tests;

/// <summary><c>validation.failed</c>: refusals Validation reports become at most one event per license and error code a minute, with a count.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ValidationFailedTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ABurstOfRefusalsIsOneNoticeAMinutePerCodeCarryingItsCount()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var license = await s.CreateLicenseAsync();
        var id = license.GetProperty("id").GetString()!;
        var quiet = (await s.CreateLicenseAsync()).GetProperty("id").GetString()!;
        var start = DateTimeOffset.UtcNow;

        await ReportAsync(s, (id, "LICENSE_SUSPENDED", 3, "m1"), (id, "LICENSE_SUSPENDED", 12, "m2"), (id, "DOMAIN_MISMATCH", 2, "m1"),
            (id, "valid", 40, "m1"), (quiet, "valid", 9, "m1"), ("lic_unknown", "LICENSE_SUSPENDED", 5, "m1"));
        Assert.Equal(2, await SendAsync(s, start));
        Assert.Equal(["DOMAIN_MISMATCH:2", "LICENSE_SUSPENDED:15"], await NoticesAsync(s, id));
        Assert.Empty(await NoticesAsync(s, quiet));

        // More of the same within the minute wait for it to pass, then go out as one.
        await ReportAsync(s, (id, "LICENSE_SUSPENDED", 4, "m1"));
        await ReportAsync(s, (id, "LICENSE_SUSPENDED", 1, "m3"));
        Assert.Equal(0, await SendAsync(s, start.AddSeconds(30)));
        Assert.Equal(1, await SendAsync(s, start.AddSeconds(61)));
        Assert.Equal(0, await SendAsync(s, start.AddSeconds(200)));
        Assert.Equal(["DOMAIN_MISMATCH:2", "LICENSE_SUSPENDED:15", "LICENSE_SUSPENDED:5"], await NoticesAsync(s, id));

        // After a quiet minute, the next refusal goes out at once.
        await ReportAsync(s, (id, "LICENSE_SUSPENDED", 1, "m1"));
        Assert.Equal(1, await SendAsync(s, start.AddSeconds(200)));
        Assert.Equal(4, (await NoticesAsync(s, id)).Count);

        // The event is shaped as every license event, with what failed beside the license's fields.
        var payload = await s.Database.ScalarAsync<string>(
            $"SELECT payload::text FROM outbox WHERE aggregate_id = '{id}' AND type = 'validation.failed' AND payload -> 'data' ->> 'code' = 'DOMAIN_MISMATCH'");
        using var document = JsonDocument.Parse(payload!);
        var root = document.RootElement;
        Assert.Equal("validation.failed", root.GetProperty("event").GetString());
        var data = root.GetProperty("data");
        Assert.Equal((id, s.ProductId, 2), (data.GetProperty("licenseId").GetString(), data.GetProperty("productId").GetString(), data.GetProperty("count").GetInt32()));
        Assert.True(data.GetProperty("firstFailedAt").GetDateTimeOffset() <= data.GetProperty("lastFailedAt").GetDateTimeOffset());
        Assert.Equal(license.GetProperty("key").GetString(), data.GetProperty("key").GetString());
    }

    [Fact]
    public async Task ReplicasSendingTogetherReportEveryRefusalOnce()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await s.CreateLicenseAsync()).GetProperty("id").GetString()!);
        }

        var now = DateTimeOffset.UtcNow;
        var reports = Enumerable.Range(0, 20).Select(i => ReportAsync(s, (ids[i % 5], "LICENSE_EXPIRED", 1, $"m{i}"))).ToList();
        var senders = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!reports.All(r => r.IsCompleted))
            {
                await SendAsync(s, now);
            }
        })).ToList();
        await Task.WhenAll(reports);
        await Task.WhenAll(senders);
        await SendAsync(s, now.AddMinutes(2));

        var counts = await s.Database.ListAsync<int>("SELECT (payload -> 'data' ->> 'count')::int FROM outbox WHERE type = 'validation.failed'");
        Assert.Equal(20, counts.Sum());
        foreach (var id in ids)
        {
            Assert.InRange((await NoticesAsync(s, id)).Count, 1, 2);
        }
    }

    /// <summary>Sends the records as one usage report and folds it (the usage route of the first record's license folds before it answers).</summary>
    private static async Task ReportAsync(Scenario s, params (string LicenseId, string Result, int Count, string Machine)[] records)
    {
        var report = new RecordUsageRequest();
        foreach (var (licenseId, result, count, machine) in records)
        {
            report.Records.Add(new UsageRecord { LicenseId = licenseId, OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), Result = result, Fingerprint = machine, Count = count });
        }

        await s.Licensing.RecordUsageAsync(report);
        await s.GetAsync($"/api/v1/licenses/{records[0].LicenseId}/usage");
    }

    private static async Task<int> SendAsync(Scenario s, DateTimeOffset now)
    {
        await using var db = s.Database.CreateContext();
        return await new ValidationFailureNotices(db).SendDueAsync(now, CancellationToken.None);
    }

    private static Task<List<string>> NoticesAsync(Scenario s, string licenseId) => s.Database.ListAsync<string>(
        $"SELECT (payload -> 'data' ->> 'code') || ':' || (payload -> 'data' ->> 'count') FROM outbox WHERE aggregate_id = '{licenseId}' AND type = 'validation.failed' ORDER BY created_at, 1");
}
