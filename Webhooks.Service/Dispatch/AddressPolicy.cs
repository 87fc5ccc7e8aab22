using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Platform.Webhooks.Model;

namespace Platform.Webhooks.Dispatch;

/// <summary>
/// Which addresses webhooks may reach. Loopback, private, link-local (cloud metadata lives there), unique-local,
/// shared, multicast and reserved ranges are refused, and so is every IPv6 spelling that embeds or translates an IPv4
/// address (IPv4-compatible and -translated, NAT64, 6to4, Teredo) and any address with a zone. Checked when an
/// endpoint is saved and again on every connection, after DNS resolution, so a name re-pointed at an internal address
/// (DNS rebinding) is refused too. Loopback is allowed only by <see cref="WebhookOptions.AllowLoopback"/>, a
/// development setting, and only for test-mode endpoints; <see cref="WebhookOptions.AllowPrivateNetworks"/> allows
/// the private and reserved ranges.
/// </summary>
public sealed class AddressPolicy(IOptions<WebhookOptions> options)
{
    public const string TestEnvironment = "test";

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
        // ::/8 holds the unspecified address, IPv4-compatible (::a.b.c.d) and -translated (::ffff:0:a.b.c.d) addresses
        // and NAT64 (64:ff9b::/96, 64:ff9b:1::/48); 100::/64 discards; 2001::/23 holds Teredo (2001::/32) and other
        // protocol assignments; 2002::/16 is 6to4.
        (IPAddress.Parse("::"), 8), (IPAddress.Parse("100::"), 64), (IPAddress.Parse("2001::"), 23),
        (IPAddress.Parse("2001:db8::"), 32), (IPAddress.Parse("2002::"), 16), (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10), (IPAddress.Parse("fec0::"), 10), (IPAddress.Parse("ff00::"), 8),
    ];

    /// <summary>Whether a webhook of an endpoint in <paramref name="environment"/> (<c>test</c> or <c>live</c>) may connect to <paramref name="address"/>.</summary>
    public bool IsAllowed(IPAddress address, string environment)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0)
        {
            return false; // a zone names an interface of this machine: never a public destination
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return options.Value.AllowLoopback && environment == TestEnvironment;
        }

        var ranges = address.AddressFamily == AddressFamily.InterNetwork ? NonPublicV4 : NonPublicV6;
        return !ranges.Any(r => InRange(address, r.Network, r.Prefix)) || options.Value.AllowPrivateNetworks;
    }

    /// <summary>Null when an endpoint in <paramref name="environment"/> may use <paramref name="url"/>; otherwise why not.</summary>
    public async Task<string?> CheckAsync(Uri url, string environment, CancellationToken cancellationToken)
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

        return addresses.FirstOrDefault(a => !IsAllowed(a, environment)) is { } refused
            ? $"url resolves to {refused}, a loopback, private or reserved address, which webhooks may not reach"
            : null;
    }

    /// <summary>The connection step of the webhook client for endpoints in <paramref name="environment"/>.</summary>
    public Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectFor(string environment) =>
        (context, cancellationToken) => ConnectAsync(context, environment, cancellationToken);

    /// <summary>Resolves the host itself and connects only to allowed addresses.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, string environment, CancellationToken cancellationToken)
    {
        var endPoint = context.DnsEndPoint;
        var allowed = (await ResolveAsync(endPoint.Host, cancellationToken)).Where(a => IsAllowed(a, environment)).ToList();
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
