using Microsoft.EntityFrameworkCore;

namespace Platform.Licensing.Tests;

[Collection(PostgresCollection.Name)]
public sealed class LicenseConcurrencyTests(PostgresFixture postgres)
{
    [Fact]
    public async Task TwoChangesMadeFromTheSameReadCannotBothCommit()
    {
        await using var database = await Database.CreateAsync(postgres);
        var seeded = await TestData.SeedLicenseAsync(database);
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = await first.Licenses.SingleAsync(l => l.Id == seeded.Id);
        var b = await second.Licenses.SingleAsync(l => l.Id == seeded.Id);

        a.Suspend(DateTimeOffset.UtcNow);
        await first.SaveChangesAsync();
        b.Revoke(DateTimeOffset.UtcNow);

        // Both would carry version 2; the stale one is refused instead of overwriting the first.
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal("suspended", await database.ScalarAsync<string>($"SELECT status FROM licenses WHERE id = '{seeded.Id}'"));
    }
}
