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

        var info = new ProcessStartInfo("chown") { UseShellExecute = false };
        foreach (var argument in new[] { "-R", $"{user}:{user}", directory })
        {
            info.ArgumentList.Add(argument);
        }

        using var chown = Process.Start(info)!;
        await chown.WaitForExitAsync();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown of {directory} to {user} failed; is the {user} system user there (apt-get install)?");
        }
    }
}
