using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.Dispatch;

/// <summary>
/// Which addresses webhooks may reach. Loopback, private, link-local (cloud metadata lives there),
/// shared, multicast and reserved ranges are refused unless configuration allows them. Checked when an
/// endpoint is saved and again on every connection, after DNS resolution, so a name re-pointed at an
/// internal address (DNS rebinding) is refused too.
/// </summary>
public sealed class AddressPolicy(IOptions<WebhookOptions> options)
{
    private static readonly (IPAddress Network, int Prefix)[] NonPublicV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8), (IPAddress.Parse("10.0.0.0"), 8), (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("169.254.0.0"), 16), (IPAddress.Parse("172.16.0.0"), 12), (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.0.2.0"), 24), (IPAddress.Parse("192.168.0.0"), 16), (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("198.51.100.0"), 24), (IPAddress.Parse("203.0.113.0"), 24), (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int Prefix)[] NonPublicV6 =
    [
        (IPAddress.Parse("::"), 128), (IPAddress.Parse("fc00::"), 7), (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("fec0::"), 10), (IPAddress.Parse("ff00::"), 8), (IPAddress.Parse("2001:db8::"), 32),
        (IPAddress.Parse("64:ff9b::"), 96), (IPAddress.Parse("2002::"), 16),
    ];

    public bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return options.Value.AllowLoopback;
        }

        var ranges = address.AddressFamily == AddressFamily.InterNetwork ? NonPublicV4 : NonPublicV6;
        return !ranges.Any(r => InRange(address, r.Network, r.Prefix)) || options.Value.AllowPrivateNetworks;
    }

    /// <summary>Null when <paramref name="url"/> may be used; otherwise why not.</summary>
    public async Task<string?> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"url host '{url.Host}' does not resolve";
        }

        if (addresses.Length == 0)
        {
            return $"url host '{url.Host}' does not resolve";
        }

        return addresses.FirstOrDefault(a => !IsAllowed(a)) is { } refused
            ? $"url resolves to {refused}, a loopback, private or reserved address, which webhooks may not reach"
            : null;
    }

    /// <summary>The connection step of the webhook client: resolves the host itself and connects only to allowed addresses.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endPoint = context.DnsEndPoint;
        var allowed = (await ResolveAsync(endPoint.Host, cancellationToken)).Where(IsAllowed).ToList();
        if (allowed.Count == 0)
        {
            throw new HttpRequestException($"Refused to connect to '{endPoint.Host}': it resolves only to addresses webhooks may not reach.");
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new HttpRequestException($"Could not connect to '{endPoint.Host}:{endPoint.Port}'.", last);
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        var whole = prefix / 8;
        for (var i = 0; i < whole; i++)
        {
            if (a[i] != n[i])
            {
                return false;
            }
        }

        var rest = prefix % 8;
        return rest == 0 || (a[whole] >> (8 - rest)) == (n[whole] >> (8 - rest));
    }
}
