using System.Net;
using System.Net.Sockets;

namespace Platform.AppHost.Hosting.Processes;

/// <summary>Turns a configured port of 0 into a free loopback port.</summary>
internal static class PortAllocator
{
    public static int Resolve(int configured) => configured != 0 ? configured : FreePort();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
