using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Platform.Contracts.Keys;

namespace Platform.Validation.Tests;

/// <summary>The meter an operator watches: validations by result code, and the cache's hit ratio.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ValidationMetricsTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Fact]
    public async Task EachValidationIsCountedUnderItsResultCodeAndTheHitRatioFollowsTheCache()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var meters = platform.Validation.Services.GetRequiredService<IMeterFactory>();
        using var validations = new MetricCollector<long>(meters, "Platform.Validation", "validation.validations");
        using var hitRatio = new MetricCollector<double>(meters, "Platform.Validation", "validation.cache.hit_ratio");
        var (_, key) = await platform.CreateLicenseAsync();

        await platform.ValidateAsync(new { key }); // a miss
        await platform.ValidateAsync(new { key }); // a hit
        await platform.ValidateAsync(new { key = LicenseKeyFormat.Generate() }); // a miss: unknown
        await platform.ValidateAsync(new { key = key[..^1] + (key[^1] == 'A' ? 'B' : 'A') }); // refused before the cache
        await platform.ValidateAsync(new { domain = "example.com" });

        var counted = validations.GetMeasurementSnapshot().GroupBy(m => (string?)m.Tags["code"]).ToDictionary(g => g.Key ?? "", g => g.Sum(m => m.Value));
        Assert.Equal(new Dictionary<string, long> { ["VALID"] = 2, ["LICENSE_NOT_FOUND"] = 1, ["INVALID_KEY_FORMAT"] = 1, ["MISSING_FIELDS"] = 1 }, counted);
        hitRatio.RecordObservableInstruments();
        Assert.Equal(1.0 / 3, hitRatio.LastMeasurement!.Value, precision: 6);
    }
}
