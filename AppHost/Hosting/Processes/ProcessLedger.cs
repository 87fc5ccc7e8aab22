using System.Diagnostics;
using System.Text.Json;

namespace Platform.AppHost.Hosting.Processes;

/// <summary>
/// Records every child the AppHost starts in its data folder. If the AppHost dies without stopping
/// them (SIGKILL), the next start reads the ledger and stops the leftovers before it starts anew.
/// </summary>
internal sealed class ProcessLedger(string dataDir, Action<string> log)
{
    private readonly string path = Path.Combine(dataDir, "processes.json");
    private readonly Lock gate = new();
    private readonly List<LedgerEntry> entries = [];

    /// <summary>Pids and start times mean nothing after a reboot; entries of another boot are ignored.</summary>
    private static readonly string BootId = File.Exists("/proc/sys/kernel/random/boot_id") ? File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim() : "";

    public void Record(string resource, int pid, long startTime, int? epmdPort = null)
    {
        lock (gate)
        {
            entries.RemoveAll(e => e.Resource == resource);
            entries.Add(new LedgerEntry(resource, pid, startTime, epmdPort, BootId));
            Save();
        }
    }

    public void Forget(string resource)
    {
        lock (gate)
        {
            entries.RemoveAll(e => e.Resource == resource);
            Save();
        }
    }

    /// <summary>Stops what an earlier run left behind: each recorded group whose leader is the same process (or gone but with members left).</summary>
    public async Task StopLeftoversAsync()
    {
        if (!File.Exists(path))
        {
            return;
        }

        var leftovers = JsonSerializer.Deserialize<List<LedgerEntry>>(await File.ReadAllTextAsync(path)) ?? [];
        foreach (var entry in leftovers)
        {
            if (entry.BootId == BootId && ProcessGroup.IsStill(entry.Pid, entry.StartTime))
            {
                log($"stopping {entry.Resource} (process group {entry.Pid}) left over from an earlier run");
                await ProcessGroup.StopAsync(entry.Pid, entry.StartTime, Posix.SIGTERM, TimeSpan.FromSeconds(15));
            }

            if (entry.EpmdPort is { } port)
            {
                await StopEpmdAsync(port);
            }
        }

        File.Delete(path);
    }

    /// <summary>The Erlang port mapper daemonises itself out of the node's group; it is stopped by its port.</summary>
    public static async Task StopEpmdAsync(int port)
    {
        var info = new ProcessStartInfo(EpmdPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-port");
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add("-kill");
        try
        {
            using var epmd = Process.Start(info)!;
            await epmd.WaitForExitAsync();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No epmd on PATH: RabbitMQ is not installed, so none was started.
        }
    }

    /// <summary>Debian's erlang-base puts epmd on PATH; the ERTS copy is the fallback when PATH lacks it.</summary>
    private static string EpmdPath =>
        File.Exists("/usr/bin/epmd") ? "/usr/bin/epmd"
        : Directory.Exists("/usr/lib/erlang") ? Directory.EnumerateFiles("/usr/lib/erlang", "epmd", SearchOption.AllDirectories).FirstOrDefault() ?? "epmd"
        : "epmd";

    private void Save()
    {
        Directory.CreateDirectory(dataDir);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(entries));
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record LedgerEntry(string Resource, int Pid, long StartTime, int? EpmdPort, string BootId);
}
