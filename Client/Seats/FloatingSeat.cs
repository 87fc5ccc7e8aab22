namespace LicensePlatform.Client;

/// <summary>
/// A floating seat held while the app runs: checked out by <see cref="CheckoutAsync"/>, kept with a heartbeat at a third of
/// the lease's length, and checked in when disposed. A lease that lapsed anyway (the machine slept, the platform was away
/// longer than the lease) is checked out again on the next beat; until then <see cref="IsHeld"/> is false.
/// </summary>
public sealed class FloatingSeat : IAsyncDisposable
{
    private static readonly TimeSpan ShortestBeat = TimeSpan.FromSeconds(1);
    private readonly LicenseClient client;
    private readonly string key;
    private readonly string? clientId;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task beating;
    private int disposed;

    private FloatingSeat(LicenseClient client, string key, string? clientId, SeatLease lease)
    {
        this.client = client;
        this.key = key;
        this.clientId = clientId;
        Lease = lease;
        beating = Task.Run(BeatAsync);
    }

    /// <summary>The current lease.</summary>
    public SeatLease Lease { get; private set; }

    /// <summary>False while the lease has lapsed and a new one could not be had; the app should stop what needs the seat.</summary>
    public bool IsHeld { get; private set; } = true;

    /// <summary>Why the last heartbeat failed, if it did.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Checks out a seat for <paramref name="clientId"/> (this machine when null) and keeps it until disposed.</summary>
    /// <exception cref="LicenseApiException">Refused, e.g. <c>NO_SEATS_AVAILABLE</c>.</exception>
    public static async Task<FloatingSeat> CheckoutAsync(LicenseClient client, string key, string? clientId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var lease = await client.CheckoutSeatAsync(key, clientId, cancellationToken);
        return new FloatingSeat(client, key, clientId, lease);
    }

    /// <summary>Stops the heartbeat and gives the seat back (a lease that already lapsed is not an error).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stopping.CancelAsync();
        await beating;
        try
        {
            await client.CheckinSeatAsync(key, Lease.LeaseId);
        }
        catch (LicenseApiException ex) when (ex.Code == ErrorCodes.LeaseNotFound)
        {
        }
        catch (LicensePlatformUnavailableException)
        {
            // The lease runs out on its own.
        }

        stopping.Dispose();
    }

    private async Task BeatAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var left = (Lease.LeaseExpiresAt ?? DateTimeOffset.UtcNow.AddMinutes(3)) - DateTimeOffset.UtcNow;
            var wait = left / 3 > ShortestBeat ? left / 3 : ShortestBeat;
            try
            {
                await Task.Delay(wait, stopping.Token);
                Lease = await client.HeartbeatSeatAsync(key, Lease.LeaseId, stopping.Token);
                (IsHeld, LastError) = (true, null);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (LicenseApiException ex) when (ex.Code == ErrorCodes.LeaseNotFound)
            {
                (IsHeld, LastError) = (false, ex);
                await CheckoutAgainAsync();
            }
            catch (Exception ex) when (ex is LicenseApiException or LicensePlatformUnavailableException)
            {
                LastError = ex;
                IsHeld = Lease.LeaseExpiresAt is not { } expires || expires > DateTimeOffset.UtcNow;
            }
        }
    }

    private async Task CheckoutAgainAsync()
    {
        try
        {
            Lease = await client.CheckoutSeatAsync(key, clientId, stopping.Token);
            (IsHeld, LastError) = (true, null);
        }
        catch (Exception ex) when (ex is LicenseApiException or LicensePlatformUnavailableException)
        {
            LastError = ex;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
