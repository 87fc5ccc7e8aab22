using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Platform.Client.Tests;

/// <summary>Floating seats: leased up to the limit, kept by the background heartbeat, given back when the app stops.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SeatTests(PlatformFixture platform)
{
    [Fact]
    public async Task AHeldSeatIsTheOnlyOneUntilItIsCheckedInAndAHeartbeatRenewsIt()
    {
        using var api = platform.Gateway();
        var key = (await api.NewLicenseAsync(new { type = "floating", max_seats = 1 })).GetProperty("key").GetString()!;
        using var cache = new TempFolder();
        using var client = platform.RuntimeClient(cache);

        var seat = await FloatingSeat.CheckoutAsync(client, key, "desk-1");
        var full = await Assert.ThrowsAsync<LicenseApiException>(() => client.CheckoutSeatAsync(key, "desk-2"));
        var renewed = await client.HeartbeatSeatAsync(key, seat.Lease.LeaseId);
        await seat.DisposeAsync();
        var next = await client.CheckoutSeatAsync(key, "desk-2");
        var lapsed = await Assert.ThrowsAsync<LicenseApiException>(() => client.HeartbeatSeatAsync(key, seat.Lease.LeaseId));

        Assert.Equal((1, 1), (seat.Lease.SeatsInUse, seat.Lease.MaxSeats));
        Assert.True(seat.IsHeld);
        Assert.Equal(ErrorCodes.NoSeatsAvailable, full.Code);
        Assert.True(renewed.LeaseExpiresAt >= seat.Lease.LeaseExpiresAt);
        Assert.Equal("desk-2", next.ClientId);
        Assert.Equal(ErrorCodes.LeaseNotFound, lapsed.Code);
    }

    [Fact]
    public async Task AHostHoldsItsSeatWhileItRunsAndGivesItBackWhenItStops()
    {
        using var api = platform.Gateway();
        var key = (await api.NewLicenseAsync(new { type = "floating", max_seats = 1 })).GetProperty("key").GetString()!;
        using var cache = new TempFolder();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LicenseClient:BaseAddress"] = platform.Url("gateway").ToString(),
            ["LicenseClient:CacheDirectory"] = cache.Path,
            ["LicenseSeat:Key"] = key,
            ["LicenseSeat:ClientId"] = "host-1",
        });
        builder.Services.AddLicenseClient(builder.Configuration.GetSection("LicenseClient"));
        builder.Services.AddLicenseSeat(builder.Configuration.GetSection("LicenseSeat"));
        using var host = builder.Build();
        using var other = platform.RuntimeClient(cache);

        await host.StartAsync();
        var seat = host.Services.GetRequiredService<LicenseSeatService>().Seat;
        var whileRunning = await Assert.ThrowsAsync<LicenseApiException>(() => other.CheckoutSeatAsync(key, "host-2"));
        await host.StopAsync();
        var afterwards = await other.CheckoutSeatAsync(key, "host-2");

        Assert.Equal("host-1", seat?.Lease.ClientId);
        Assert.Equal(ErrorCodes.NoSeatsAvailable, whileRunning.Code);
        Assert.Equal(1, afterwards.SeatsInUse);
    }
}
