using Platform.AppHost.Hosting.Processes;

namespace Platform.EndToEnd.Tests;

/// <summary>Every process in the groups the AppHost's children lead, identified by pid and start time so a recycled pid is not mistaken for one of them.</summary>
internal sealed record ProcessSnapshot(IReadOnlyList<(int Pid, long StartTime)> Processes)
{
    public static ProcessSnapshot Of(IEnumerable<int> groupLeaders) =>
        new([.. groupLeaders.SelectMany(ProcFs.GroupMembers).Select(pid => (pid, ProcFs.StartTime(pid) ?? -1)).Where(p => p.Item2 >= 0)]);

    public IReadOnlyList<int> StillRunning() =>
        [.. Processes.Where(p => ProcFs.IsRunning(p.Pid, p.StartTime)).Select(p => p.Pid)];
}
