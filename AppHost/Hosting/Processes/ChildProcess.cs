using System.Diagnostics;

namespace Platform.AppHost.Hosting.Processes;

/// <summary>
/// A child started as the leader of a process group of its own, so its pid is also the id of a group holding
/// everything it starts: one signal stops all of it, and Ctrl+C in the terminal reaches only the AppHost.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    /// <summary>
    /// What every child is started through (<c>perl -e</c>): <c>setpgid(0, 0)</c>, then exec of the child, so the pid
    /// stays the same (.NET's <see cref="Process"/> cannot set a child's group itself; perl is on every Debian system,
    /// as <c>perl-base</c> is Essential).
    /// <para>
    /// Not <c>setsid</c>: a new session is also a new scheduling group under Linux's autogroup
    /// (<c>/proc/sys/kernel/sched_autogroup_enabled</c>, on by default), and the scheduler then shares the CPU
    /// between groups before threads. A service in a group of its own waited for its turn behind the other
    /// groups' busy threads: a loaded Validation answered with a p99 of 17–26 ms against 7–12 ms for the same
    /// process in the caller's session (alternating wrk runs, see README). In the AppHost's session the whole
    /// platform is one scheduling group, like any program started from the same terminal.
    /// </para>
    /// </summary>
    private const string NewProcessGroup =
        "setpgrp(0, 0) or die \"setpgrp: $!\\n\"; exec { $ARGV[0] } @ARGV or die \"exec $ARGV[0]: $!\\n\";";

    private readonly Process process;
    private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process) => this.process = process;

    public int Id => process.Id;

    /// <summary>When the leader started (clock ticks since boot), to tell it from a later process with the same pid.</summary>
    public long StartTime { get; private set; }

    /// <summary>Completes with the exit code once the process has exited.</summary>
    public Task<int> Exited => exited.Task;

    public static ChildProcess Start(string name, ChildProcessSpec spec, ConsoleOutput output, Action<string>? onOutput = null)
    {
        var info = new ProcessStartInfo("perl")
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-e");
        info.ArgumentList.Add(NewProcessGroup);
        info.ArgumentList.Add("--");

        if (spec.RunAsUser is { } user && Posix.IsRoot)
        {
            // --preserve-environment: without it runuser resets HOME (RabbitMQ's cookie lives there) and friends.
            foreach (var argument in new[] { "runuser", "--preserve-environment", "-u", user, "--" })
            {
                info.ArgumentList.Add(argument);
            }
        }

        info.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in spec.Environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Write(name, e.Data);
                onOutput?.Invoke(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Write(name, e.Data); };
        // The Exited event can come before the last output lines are delivered; wait for the pipes to drain
        // (bounded: a grandchild that inherited them could keep them open).
        process.Exited += async (_, _) =>
        {
            // An exception must not escape this handler (it would end the AppHost), and the Process may be
            // disposed at any moment once the resource has stopped.
            var code = -1;
            try
            {
                code = process.ExitCode;
                await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(2)));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
            {
                // Disposed while draining: nothing more will arrive.
            }

            child.exited.TrySetResult(code);
        };
        process.Start();
        child.StartTime = ProcFs.StartTime(process.Id) ?? 0;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Sends <paramref name="signal"/> to the child's group and waits; what is still there after <paramref name="grace"/> is killed.</summary>
    public Task StopAsync(int signal, TimeSpan grace) => ProcessGroup.StopAsync(Id, StartTime, signal, grace);

    public void Dispose() => process.Dispose();
}
