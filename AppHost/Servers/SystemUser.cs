using System.Diagnostics;

namespace Platform.AppHost.Servers;

/// <summary>
/// Postgres and RabbitMQ refuse to run as root. When the AppHost is root they run as their Debian system
/// users, which must own their data folders; otherwise they run as the current user.
/// </summary>
public static class SystemUser
{
    public static bool IsRoot => System.Environment.UserName == "root";

    /// <summary>The command and arguments that run <paramref name="program"/> as <paramref name="user"/>.</summary>
    /// <remarks><c>setpriv</c> execs the program itself, so the server gets the stop signal directly.</remarks>
    public static (string Command, string[] Args) Command(string user, string program, params string[] args) =>
        IsRoot
            ? ("setpriv", ["--reuid", user, "--regid", user, "--init-groups", "--", program, .. args])
            : (program, args);

    public static async Task GiveAsync(string directory, string user, CancellationToken cancellationToken)
    {
        if (!IsRoot)
        {
            return;
        }

        if ((await RunAsync("chown", ["-R", $"{user}:{user}", directory], cancellationToken)).Code != 0)
        {
            throw new InvalidOperationException($"chown of {directory} to {user} failed; is the {user} system user there (apt-get install)?");
        }

        // Owning the folder is not enough if a parent (such as /root, mode 0700) is closed to the user.
        var (command, args) = Command(user, "test", "-w", directory);
        if ((await RunAsync(command, args, cancellationToken)).Code != 0)
        {
            throw new InvalidOperationException(
                $"The {user} user cannot reach {directory}: a parent folder is closed to it (a clone under /root is). " +
                "Choose a data folder it can reach, for example --AppHost:DataDir=/var/tmp/platform-apphost.");
        }
    }

    /// <summary>Runs a one-shot tool (initdb, chown) to completion; its exit code and what it printed.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string program, string[] args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await errors);
    }
}
