using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LicensePlatform.Client;

/// <summary>
/// Holds a floating seat for the life of the host: checks it out when the host starts (a refusal such as
/// <c>NO_SEATS_AVAILABLE</c> stops the start), keeps it with heartbeats, and checks it in when the host stops.
/// </summary>
public sealed class LicenseSeatService(LicenseClient client, IOptions<LicenseSeatOptions> options) : IHostedService, IAsyncDisposable
{
    /// <summary>The seat, once the host has started.</summary>
    public FloatingSeat? Seat { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var key = options.Value.Key is { Length: > 0 } k ? k : throw new InvalidOperationException("LicenseSeatOptions.Key (LicenseSeat:Key) is required.");
        Seat = await FloatingSeat.CheckoutAsync(client, key, options.Value.ClientId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Seat is { } seat)
        {
            Seat = null;
            await seat.DisposeAsync();
        }
    }
}
