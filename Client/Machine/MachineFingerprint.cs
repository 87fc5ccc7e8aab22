using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace LicensePlatform.Client;

/// <summary>
/// A consistent, privacy-respecting id of this machine for activations: the operating system's own machine id
/// (systemd's <c>/etc/machine-id</c>, the DMI product UUID, Windows' <c>MachineGuid</c>, macOS' <c>IOPlatformUUID</c>)
/// hashed with the product, so the same machine has a different id for every product and the raw id never leaves it.
/// It survives reboots and upgrades. Where the system has no id (some containers), a random one is made once and kept in
/// the client's folder, stable as long as that folder is (mount it as a volume).
/// </summary>
public static class MachineFingerprint
{
    private static readonly Lazy<string> Raw = new(ReadRawId);

    /// <summary>This machine's id for <paramref name="productId"/>: 64 lower-case hex characters.</summary>
    public static string Compute(string? productId = null) => Hash(productId, Raw.Value);

    internal static string Hash(string? productId, string rawId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"license-platform/machine/v1\n{productId}\n{rawId}"))).ToLowerInvariant();

    internal static string ReadRawId() =>
        (OperatingSystem.IsWindows() ? WindowsMachineGuid()
            : OperatingSystem.IsMacOS() ? MacPlatformUuid()
            : FirstReadable("/etc/machine-id", "/var/lib/dbus/machine-id", "/sys/class/dmi/id/product_uuid"))
        ?? KeptRandomId();

    private static string? FirstReadable(params string[] paths)
    {
        foreach (var path in paths)
        {
            try
            {
                if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 16 } id)
                {
                    return id;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not readable by this user (the DMI UUID needs root): try the next.
            }
        }

        return null;
    }

    private static string? WindowsMachineGuid()
    {
        if (!OperatingSystem.IsWindows())
        {
            return null;
        }

        using var key = Microsoft.Win32.RegistryKey.OpenBaseKey(Microsoft.Win32.RegistryHive.LocalMachine, Microsoft.Win32.RegistryView.Registry64)
            .OpenSubKey(@"SOFTWARE\Microsoft\Cryptography");
        return key?.GetValue("MachineGuid") as string;
    }

    private static string? MacPlatformUuid()
    {
        try
        {
            using var ioreg = Process.Start(new ProcessStartInfo("/usr/sbin/ioreg", "-rd1 -c IOPlatformExpertDevice")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
            if (ioreg is null)
            {
                return null;
            }

            var output = ioreg.StandardOutput.ReadToEnd();
            ioreg.WaitForExit(5_000);
            var line = output.Split('\n').FirstOrDefault(l => l.Contains("\"IOPlatformUUID\"", StringComparison.Ordinal));
            return line?.Split('"') is { Length: >= 4 } parts ? parts[3] : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string KeptRandomId()
    {
        var path = Path.Combine(new LicenseClientOptions().ResolvedCacheDirectory, "machine-id");
        if (FirstReadable(path) is { } kept)
        {
            return kept;
        }

        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // CreateNew: of two processes making one at once, the second reads the first's.
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(Encoding.ASCII.GetBytes(id));
            }

            return id;
        }
        catch (IOException)
        {
            return FirstReadable(path) ?? id;
        }
        catch (UnauthorizedAccessException)
        {
            return id;
        }
    }
}
