using Platform.Validation.Usage;

namespace Platform.Validation.Tests;

/// <summary>Usage folded before it is sent: one record per license, result, domain and machine, bounded.</summary>
public sealed class UsageTallyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IdenticalValidationsBecomeOneRecordWithTheirCountAndLatestTime()
    {
        var tally = new UsageTally(maxRecords: 10);
        Assert.True(tally.Add(new UsageEntry("lic_a", "valid", "", "m1", Start.AddSeconds(2))));
        Assert.True(tally.Add(new UsageEntry("lic_a", "valid", "", "m1", Start)));
        Assert.True(tally.Add(new UsageEntry("lic_a", "valid", "", "m1", Start.AddSeconds(1))));
        Assert.True(tally.Add(new UsageEntry("lic_a", "LICENSE_EXPIRED", "", "m1", Start)));
        Assert.True(tally.Add(new UsageEntry("lic_a", "valid", "example.com", "m1", Start)));

        var records = tally.Take(int.MaxValue).Records.OrderBy(r => r.Result).ThenBy(r => r.Domain).ToList();

        Assert.Equal(3, records.Count);
        var valid = records.Single(r => r is { Result: "valid", Domain: "" });
        Assert.Equal(("lic_a", "m1", 3), (valid.LicenseId, valid.Fingerprint, valid.Count));
        Assert.Equal(Start.AddSeconds(2), valid.OccurredAt.ToDateTimeOffset());
        Assert.Equal(1, records.Single(r => r.Result == "LICENSE_EXPIRED").Count);
        Assert.Equal(1, records.Single(r => r.Domain == "example.com").Count);
    }

    [Fact]
    public void AtItsBoundOnlyRecordsItHoldsAreCountedAndClearingMakesRoomAgain()
    {
        var tally = new UsageTally(maxRecords: 2);
        Assert.True(tally.Add(new UsageEntry("lic_a", "valid", "", "", Start)));
        Assert.True(tally.Add(new UsageEntry("lic_b", "valid", "", "", Start)));

        Assert.False(tally.Add(new UsageEntry("lic_c", "valid", "", "", Start)));
        Assert.True(tally.Add(new UsageEntry("lic_a", "valid", "", "", Start)));
        Assert.Equal(2, tally.Count);
        Assert.Equal(2, tally.Take(int.MaxValue).Records.Single(r => r.LicenseId == "lic_a").Count);

        tally.Clear();
        Assert.Equal(0, tally.Count);
        Assert.Empty(tally.Take(int.MaxValue).Records);
        Assert.True(tally.Add(new UsageEntry("lic_c", "valid", "", "", Start)));
        Assert.Equal(1, tally.Take(int.MaxValue).Records.Single().Count);
    }

    [Fact]
    public void ARequestTakesAtMostItsLimitAndTheRestStays()
    {
        var tally = new UsageTally(maxRecords: 10);
        for (var i = 0; i < 5; i++)
        {
            tally.Add(new UsageEntry($"lic_{i}", "valid", "", "", Start.AddSeconds(i)));
            tally.Add(new UsageEntry($"lic_{i}", "valid", "", "", Start));
        }

        var first = tally.Take(2);
        Assert.Equal((2, 3), (first.Records.Count, tally.Count));
        var rest = tally.Take(10);

        Assert.Equal(0, tally.Count);
        var all = first.Records.Concat(rest.Records).ToList();
        Assert.Equal(5, all.Select(r => r.LicenseId).Distinct().Count());
        Assert.All(all, r => Assert.Equal(2, r.Count));
        Assert.All(all, r => Assert.Equal(Start.AddSeconds(int.Parse(r.LicenseId[4..], System.Globalization.CultureInfo.InvariantCulture)), r.OccurredAt.ToDateTimeOffset()));
    }
}
