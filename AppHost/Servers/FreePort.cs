using System.Net;
using System.Net.Sockets;

namespace Platform.AppHost.Servers;

/// <summary>Ports the AppHost chooses itself: endpoints are not proxied, so a configured 0 needs a real free port.</summary>
public static class FreePort
{
    public static int Resolve(int configured) => configured != 0 ? configured : Next();

    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
