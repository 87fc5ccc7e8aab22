using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Protos.Licensing.V1;
using Platform.Validation.Usage;

namespace Platform.Validation.Tests;

/// <summary>Usage reports as Validation sends them to the real Licensing, when an answer does not come back.</summary>
[Collection(PlatformCollection.Name)]
public sealed class UsageReportTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Fact]
    public async Task AReportWhoseAnswerWasLostIsSentAgainUnchangedWithItsIdAndCountedOnce()
    {
        var licensing = new FirstUsageAnswerLost();
        // No report on the reporter's own schedule: the test sends each one.
        var settings = new Dictionary<string, string?> { ["Validation:UsageFlushInterval"] = "01:00:00" };
        await using var platform = await TestPlatform.StartAsync(postgres, broker, settings, licensingInterceptor: licensing);
        var reporter = platform.Validation.Services.GetServices<IHostedService>().OfType<UsageReporter>().Single();
        var (id, key) = await platform.CreateLicenseAsync();
        await ValidateAsync(platform, key, ["m-0", "m-1", "m-0", "m-1", "m-0", "m-1"]);

        await reporter.FlushAsync(CancellationToken.None); // Licensing stores the report; its answer is lost
        var first = Assert.Single(licensing.Received);
        await ValidateAsync(platform, key, ["m-2", "m-2"]);
        await reporter.FlushAsync(CancellationToken.None); // the lost one again, then one with the newer validations
        await reporter.FlushAsync(CancellationToken.None); // every report answered: nothing to send

        var reports = licensing.Received.ToArray();
        Assert.Equal(3, reports.Length);
        Assert.Equal(32, first.ReportId.Length);
        Assert.Equal([("m-0", 3), ("m-1", 3)], Counts(first));
        Assert.Equal(first, reports[1]); // the same id, records and counts
        Assert.NotEqual(first.ReportId, reports[2].ReportId);
        Assert.Equal([("m-2", 2)], Counts(reports[2]));
        // Licensing stored the first report once, though it received it twice: every validation counted once.
        var usage = await (await platform.Admin.GetAsync($"/api/v1/licenses/{id}/usage")).JsonAsync();
        Assert.Equal(8, usage.GetProperty("validationCount").GetInt64());
    }

    private static async Task ValidateAsync(TestPlatform platform, string key, string[] machines)
    {
        foreach (var machine in machines)
        {
            Assert.Equal(HttpStatusCode.OK, (await platform.ValidateAsync(new { key, machine_id = machine })).StatusCode);
        }
    }

    private static List<(string Machine, int Count)> Counts(RecordUsageRequest report) =>
        [.. report.Records.Select(r => (r.Fingerprint, r.Count)).Order()];
}
