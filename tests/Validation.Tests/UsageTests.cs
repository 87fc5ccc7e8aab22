namespace Platform.Validation.Tests;

[Collection(PlatformCollection.Name)]
public sealed class UsageTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Fact]
    public async Task UsageIsSentInBatchesOffTheRequestPath()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (_, key) = await platform.CreateLicenseAsync();

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await platform.ValidateAsync(new { key, machine_id = $"m-{i % 3}" })).StatusCode);
        }

        var start = DateTime.UtcNow;
        while (platform.Licensing.CallsTo("RecordUsage") == 0 && DateTime.UtcNow - start < TimeSpan.FromSeconds(3))
        {
            await Task.Delay(50);
        }

        // Thirty validations within the first flush interval or two: one or two batches, not thirty calls.
        Assert.InRange(platform.Licensing.CallsTo("RecordUsage"), 1, 3);
        Assert.InRange(DateTime.UtcNow - start, TimeSpan.Zero, TimeSpan.FromSeconds(1.5));
    }
}
