using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Platform.AppHost.Servers;

/// <summary>
/// Ports chosen ahead of the process that binds them: endpoints are not proxied, so a configured 0 needs a real free
/// port. They are picked at random below the kernel's ephemeral range (32768 and up on Linux, 49152 on Windows and
/// macOS), where neither an outgoing connection nor a bind to port 0 can take one before it is bound, and each is
/// reserved on this machine for a few minutes, so that a second AppHost or test run starting beside this one cannot
/// pick it too while its service is still starting.
/// </summary>
public static class FreePort
{
    private const int Lowest = 20_000;
    private const int Highest = 32_000;
    private static readonly TimeSpan Reservation = TimeSpan.FromMinutes(5);
    private static readonly string Reservations = Path.Combine(Path.GetTempPath(), "platform-port-reservations");

    public static int Resolve(int configured) => configured != 0 ? configured : Next();

    public static int Next() => NextRun(1);

    /// <summary>The first of <paramref name="length"/> consecutive ports that are all free now, reserved for this caller.</summary>
    public static int NextRun(int length)
    {
        Directory.CreateDirectory(Reservations);
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var candidate = Random.Shared.Next(Lowest, Highest - length);
            var ports = Enumerable.Range(candidate, length).ToList();
            if (ports.All(IsFree) && ports.All(TryReserve))
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

    /// <summary>Creates the port's reservation file; only one process can, until the reservation runs out.</summary>
    private static bool TryReserve(int port)
    {
        var file = Path.Combine(Reservations, port.ToString(CultureInfo.InvariantCulture));
        try
        {
            if (File.Exists(file) && DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > Reservation)
            {
                File.Delete(file);
            }

            using var created = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
