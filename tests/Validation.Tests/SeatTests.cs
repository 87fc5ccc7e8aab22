namespace Platform.Validation.Tests;

[Collection(PlatformCollection.Name)]
public sealed class SeatTests(PostgresFixture postgres, BrokerFixture broker)
{
    [Fact]
    public async Task AFloatingSeatIsCheckedOutKeptWithHeartbeatsAndCheckedIn()
    {
        await using var platform = await TestPlatform.StartAsync(postgres, broker);
        var (_, key) = await platform.CreateLicenseAsync(new { type = "floating", max_seats = 1 });

        var checkout = await platform.Client.PostAsJsonAsync("/api/v1/seats/checkout", new { key, client_id = "desk-1" });
        var lease = await checkout.JsonAsync();
        var full = await platform.Client.PostAsJsonAsync("/api/v1/seats/checkout", new { license_key = key, machine_id = "desk-2" });
        var heartbeat = await platform.Client.PostAsJsonAsync("/api/v1/seats/heartbeat", new { key, lease_id = lease.GetProperty("leaseId").GetString() });
        var checkin = await platform.Client.PostAsJsonAsync("/api/v1/seats/checkin", new { key, leaseId = lease.GetProperty("leaseId").GetString() });
        var gone = await platform.Client.PostAsJsonAsync("/api/v1/seats/heartbeat", new { key, lease_id = lease.GetProperty("leaseId").GetString() });
        var next = await platform.Client.PostAsJsonAsync("/api/v1/seats/checkout", new { key, client_id = "desk-2" });

        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        Assert.Equal(("desk-1", 1, 1), (lease.GetProperty("clientId").GetString(), lease.GetProperty("seatsInUse").GetInt32(), lease.GetProperty("maxSeats").GetInt32()));
        Assert.True(lease.GetProperty("leaseExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Forbidden, full.StatusCode);
        Assert.Equal("NO_SEATS_AVAILABLE", (await full.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, heartbeat.StatusCode);
        Assert.Equal(lease.GetProperty("leaseId").GetString(), (await heartbeat.JsonAsync()).GetProperty("leaseId").GetString());
        Assert.Equal(HttpStatusCode.OK, checkin.StatusCode);
        Assert.Equal(0, (await checkin.JsonAsync()).GetProperty("seatsInUse").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("LEASE_NOT_FOUND", (await gone.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}
