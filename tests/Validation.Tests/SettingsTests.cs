using Microsoft.Extensions.Options;

namespace Platform.Validation.Tests;

/// <summary>A setting out of its range stops Validation at start, naming the setting, instead of misbehaving later.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SettingsTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Theory]
    [InlineData("UsageMaxRecords", "0")]
    [InlineData("CacheMaxEntries", "-1")]
    [InlineData("UsageFlushInterval", "00:00:00")]
    [InlineData("MaxAge", "-00:00:05")]
    public async Task AnOutOfRangeSettingStopsTheServiceAtStartNamingIt(string setting, string value)
    {
        await using var licensing = await LicensingHost.StartAsync(await postgres.CreateDatabaseAsync(), broker.ConnectionString, relayEvents: false);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ValidationHost.StartAsync(licensing, broker.ConnectionString, new Dictionary<string, string?> { [$"Validation:{setting}"] = value }));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
