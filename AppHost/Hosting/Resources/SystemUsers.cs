using System.Diagnostics;
using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// Postgres and RabbitMQ refuse to run as root. When the AppHost is root they run as their Debian
/// system users, which must own their data folders; otherwise they run as the current user.
/// </summary>
internal static class SystemUsers
{
    public static async Task GiveAsync(string directory, string user)
    {
        if (!Posix.IsRoot)
        {
            return;
        }

        if (await RunAsync("chown", "-R", $"{user}:{user}", directory) != 0)
        {
            throw new InvalidOperationException($"chown of {directory} to {user} failed; is the {user} system user there (apt-get install)?");
        }

        // Owning the folder is not enough if a parent (such as /root, mode 0700) is closed to the user.
        if (await RunAsync("runuser", "-u", user, "--", "test", "-w", directory) != 0)
        {
            throw new InvalidOperationException(
                $"The {user} user cannot reach {directory}: a parent folder is closed to it (a clone under /root is). " +
                "Choose a data folder it can reach, for example --AppHost:DataDir=/var/tmp/platform-apphost.");
        }
    }

    private static async Task<int> RunAsync(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
