using System.Net;
using System.Net.Sockets;

namespace Platform.Fuzz.Tests.Platform;

/// <summary>
/// Clients that connect to the Gateway from another loopback address than 127.0.0.1: requests without a valid key
/// count against their address's limit (60 a minute), which other tests, from 127.0.0.1, must still find untouched.
/// </summary>
internal static class ClientAddress
{
    public static HttpClient From(string address, Uri gateway) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = gateway, Timeout = FuzzClient.Timeout };
}
