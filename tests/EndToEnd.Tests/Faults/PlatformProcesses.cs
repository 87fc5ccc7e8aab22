using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.EndToEnd.Tests.Faults;

/// <summary>The processes of the platform's resources, to kill or freeze them as a crash or a hung server would.</summary>
internal sealed class PlatformProcesses(DistributedApplication app)
{
    public int PidOf(string resource)
    {
        Assert.True(app.ResourceNotifications.TryGetCurrentState(resource, out var current), $"{resource} has no state");
        return PidOf(current) ?? throw new InvalidOperationException($"{resource} has no process id.");
    }

    /// <summary>The first child of <paramref name="pid"/>: a project runs as <c>dotnet run</c> with the service as its child, RabbitMQ as a script with the Erlang VM as its child.</summary>
    public static int ChildOf(int pid) =>
        int.Parse(File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);

    /// <summary>The process's name (its executable's, at most 15 characters), from <c>/proc/PID/comm</c>.</summary>
    public static string NameOf(int pid) => File.ReadAllText($"/proc/{pid}/comm").Trim();

    /// <summary>The process's state letter (R running, S sleeping, T stopped…), from <c>/proc/PID/stat</c>.</summary>
    public static char StateOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[stat.LastIndexOf(')') + 2];
    }

    /// <summary>Whether the process shows as stopped (T) within <paramref name="time"/>: a signal takes effect asynchronously.</summary>
    public static async Task<bool> StopsWithinAsync(int pid, TimeSpan time)
    {
        for (var deadline = DateTime.UtcNow + time; StateOf(pid) != 'T'; await Task.Delay(20))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
        }

        return true;
    }

    public static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits until <paramref name="resource"/> runs again, healthy, as a new process (not <paramref name="killedPid"/>).</summary>
    public async Task WaitUntilRestartedAsync(string resource, int killedPid, RecoveryClock steps, CancellationToken cancellationToken)
    {
        bool IsNewRun(ResourceEvent e) => e.Snapshot.State?.Text == KnownResourceStates.Running && PidOf(e) is { } now && now != killedPid;

        await app.ResourceNotifications.WaitForResourceAsync(resource,
            e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text) || IsNewRun(e), cancellationToken);
        steps.Mark("ended");
        await app.ResourceNotifications.WaitForResourceAsync(resource, IsNewRun, cancellationToken);
        steps.Mark("running");
        await app.ResourceNotifications.WaitForResourceAsync(resource, e => IsNewRun(e) && e.Snapshot.HealthStatus == HealthStatus.Healthy, cancellationToken);
        steps.Mark("healthy");
    }

    private static int? PidOf(ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : null;
}
