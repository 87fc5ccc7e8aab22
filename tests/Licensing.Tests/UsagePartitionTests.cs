using Google.Protobuf.WellKnownTypes;
using Platform.Protos.Licensing.V1;
using UsageRecorder = Platform.Licensing.Model.UsageRecorder;

namespace Platform.Licensing.Tests;

/// <summary>
/// Usage reports stored by partition of their licenses, so that the background fold can take one partition at a time
/// and still fold each license's records together.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UsagePartitionTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AReportIsStoredAsOneRowPerPartitionHoldingOnlyThatPartitionsLicenses()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var ids = Enumerable.Range(0, 64).Select(i => $"lic_partition_{i}").ToList();
        var batch = new RecordUsageRequest();
        batch.Records.AddRange(ids.Select((id, i) => Record(id, count: i + 1)));

        await s.Licensing.RecordUsageAsync(batch);

        var rows = await StoredRowsAsync(s);
        Assert.Equal(ids.Select(UsageRecorder.PartitionOf).Distinct().Order(), rows.Select(r => r.Part).Order());
        Assert.All(rows, row => Assert.All(row.LicenseIds, id => Assert.Equal(row.Part, UsageRecorder.PartitionOf(id))));
        // Every record kept its own fields: the arrays were cut at the same places.
        var stored = rows.SelectMany(r => r.LicenseIds.Zip(r.Counts)).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(ids.Select((id, i) => (id, i + 1)).OrderBy(p => p.id), stored.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key));
    }

    [Fact]
    public async Task FoldingOnePartitionCountsItsLicensesAndLeavesTheOthersForTheirTurn()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var first = (await s.CreateLicenseAsync()).GetProperty("id").GetString()!;
        var other = first;
        while (UsageRecorder.PartitionOf(other) == UsageRecorder.PartitionOf(first))
        {
            other = (await s.CreateLicenseAsync()).GetProperty("id").GetString()!;
        }

        var recorder = new UsageRecorder(s.Database.DataSource);
        for (var report = 0; report < 3; report++)
        {
            var batch = new RecordUsageRequest { ReportId = $"report-{report}" };
            batch.Records.Add(Record(first, count: 2));
            batch.Records.Add(Record(other, count: 5));
            await s.Licensing.RecordUsageAsync(batch);
        }

        var folded = await recorder.FoldPartitionAsync(UsageRecorder.PartitionOf(first), CancellationToken.None);
        var afterOne = (await CountOf(s, first), await CountOf(s, other));
        // Three reports of one license fold into one usage row: a hot license is written once a round, not once a report.
        var rowsOfFirst = await s.Database.ScalarAsync<long>($"SELECT count(*) FROM usage_records WHERE license_id = '{first}'");
        await recorder.FoldAsync(waitForOthers: true, CancellationToken.None);

        Assert.Equal(3, folded);
        Assert.Equal((6L, 0L), afterOne);
        Assert.Equal(1, rowsOfFirst);
        Assert.Equal((6L, 15L), (await CountOf(s, first), await CountOf(s, other)));
        Assert.Equal(0, await s.Database.ScalarAsync<long>("SELECT count(*) FROM usage_batches"));
    }

    private static UsageRecord Record(string licenseId, int count) => new()
    {
        LicenseId = licenseId,
        OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        Result = "valid",
        Fingerprint = "machine-1",
        Count = count,
    };

    private static async Task<List<(int Part, string[] LicenseIds, int[] Counts)>> StoredRowsAsync(Scenario s)
    {
        await using var command = s.Database.DataSource.CreateCommand("SELECT part, license_ids, counts FROM usage_batches");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, string[], int[])>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt16(0), reader.GetFieldValue<string[]>(1), reader.GetFieldValue<int[]>(2)));
        }

        return rows;
    }

    private static async Task<long> CountOf(Scenario s, string licenseId) =>
        (await s.GetAsync($"/api/v1/licenses/{licenseId}")).GetProperty("validationCount").GetInt64();
}
