using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>A resource backed by one child process group.</summary>
public abstract class ProcessResource(string name) : Resource(name)
{
    private ChildProcess? process;

    private int? pid;

    public override int? ProcessId => pid;

    internal override Task<int> Exited => process?.Exited ?? base.Exited;

    /// <summary>The signal that asks the process to shut down cleanly.</summary>
    private protected virtual int StopSignal => Posix.SIGTERM;

    private protected virtual int? EpmdPort => null;

    private protected void Launch(ResourceContext context, ChildProcessSpec spec)
    {
        process = ChildProcess.Start(Name, spec, context.Output);
        pid = process.Id;
        context.Ledger.Record(Name, process.Id, process.StartTime, EpmdPort);
    }

    /// <summary>Cleans up what the process left outside its group, before the ledger forgets it.</summary>
    private protected virtual Task AfterStopAsync() => Task.CompletedTask;

    /// <summary>Kills the group at once (a second Ctrl+C).</summary>
    internal void Kill()
    {
        if (process is not null && Processes.ProcessGroup.IsStill(process.Id, process.StartTime))
        {
            Posix.SignalGroup(process.Id, Posix.SIGKILL);
        }
    }

    internal override async Task StopAsync(ResourceContext context)
    {
        if (process is null)
        {
            return;
        }

        await process.StopAsync(StopSignal, TimeSpan.FromSeconds(20));
        await AfterStopAsync();
        context.Ledger.Forget(Name);
        process.Dispose();
    }
}
