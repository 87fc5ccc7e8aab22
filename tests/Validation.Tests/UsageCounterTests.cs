using Microsoft.Extensions.Options;
using Platform.Validation.Extensions;
using Platform.Validation.Usage;

namespace Platform.Validation.Tests;

/// <summary>Usage counted on the request path, in striped tallies the reporter takes while validations go on.</summary>
public sealed class UsageCounterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EveryValidationIsCountedOnceWhileTheReporterTakesTheCounts()
    {
        var counter = new UsageCounter(Options.Create(new ValidationOptions()));
        var taken = new UsageTally(maxRecords: 1_000);
        using var done = new CancellationTokenSource();
        using var reporting = new ManualResetEventSlim();
        var moves = 0;
        var reporter = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                Assert.Equal(0, counter.MoveTo(taken));
                moves++;
                reporting.Set();
            }
        });
        reporting.Wait(TimeSpan.FromSeconds(10)); // the validations below happen while the reporter takes counts

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                counter.Add(new UsageEntry($"lic_{i % 50}", "valid", "", $"m{t % 2}", Start.AddMilliseconds(i)));
            }
        })));
        await done.CancelAsync();
        await reporter;
        var movesDuring = moves;
        counter.MoveTo(taken);

        var records = taken.Take(int.MaxValue).Records;
        Assert.Equal(100, records.Count); // 50 licenses × 2 machines
        Assert.Equal(8 * 20_000, records.Sum(r => r.Count));
        Assert.True(movesDuring > 1, $"the reporter took counts {movesDuring} times while validations went on");
        var lic7 = records.Where(r => r.LicenseId == "lic_7").ToList();
        Assert.All(lic7, r => Assert.Equal(Start.AddMilliseconds(19_957), r.OccurredAt.ToDateTimeOffset())); // the latest i with i % 50 == 7
    }

    [Fact]
    public void ValidationsBeyondTheBoundAreNotCountedAndTheLossIsReported()
    {
        var stripes = new UsageCounter(Options.Create(new ValidationOptions())).Stripes;
        var counter = new UsageCounter(Options.Create(new ValidationOptions { UsageMaxRecords = 2 * stripes })); // 2 a stripe
        var taken = new UsageTally(maxRecords: 10);

        counter.Add(new UsageEntry("lic_a", "valid", "", "", Start));
        counter.Add(new UsageEntry("lic_b", "valid", "", "", Start));
        counter.Add(new UsageEntry("lic_c", "valid", "", "", Start)); // a third distinct record on this thread's stripe
        counter.Add(new UsageEntry("lic_a", "valid", "", "", Start)); // an existing record still counts

        Assert.Equal(1, counter.MoveTo(taken));
        Assert.Equal([("lic_a", 2), ("lic_b", 1)], taken.Take(int.MaxValue).Records.Select(r => (r.LicenseId, r.Count)).Order());
        Assert.Equal(0, counter.MoveTo(taken));
    }
}
