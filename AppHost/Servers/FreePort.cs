using System.Net;
using System.Net.Sockets;

namespace Platform.AppHost.Servers;

/// <summary>
/// Ports chosen ahead of the process that binds them: endpoints are not proxied, so a configured 0 needs a real free
/// port. They are picked at random below the kernel's ephemeral range (32768 and up on Linux, 49152 on Windows and
/// macOS), where neither an outgoing connection nor another process's bind to port 0 can take one before it is bound.
/// </summary>
public static class FreePort
{
    private const int Lowest = 20_000;
    private const int Highest = 32_000;

    public static int Resolve(int configured) => configured != 0 ? configured : Next();

    public static int Next() => NextRun(1);

    /// <summary>The first of <paramref name="length"/> consecutive ports that are all free now.</summary>
    public static int NextRun(int length)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = Random.Shared.Next(Lowest, Highest - length);
            if (Enumerable.Range(candidate, length).All(IsFree))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No run of {length} free ports found between {Lowest} and {Highest}.");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
