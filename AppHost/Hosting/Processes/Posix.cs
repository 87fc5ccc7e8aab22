using System.Runtime.InteropServices;

namespace Platform.AppHost.Hosting.Processes;

/// <summary>The few libc calls the orchestrator needs: signals to process groups and the effective user.</summary>
internal static partial class Posix
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    public static bool IsRoot => geteuid() == 0;

    /// <summary>Sends <paramref name="signal"/> to every process of the group led by <paramref name="groupId"/>.</summary>
    public static void SignalGroup(int groupId, int signal) => _ = kill(-groupId, signal);

    public static void Signal(int pid, int signal) => _ = kill(pid, signal);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
