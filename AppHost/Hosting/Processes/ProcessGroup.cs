namespace Platform.AppHost.Hosting.Processes;

/// <summary>Every child runs as the leader of its own process group, so stopping it stops what it started too.</summary>
internal static class ProcessGroup
{
    /// <summary>Signals the group, waits for it to empty, and kills whatever is left after <paramref name="grace"/>.</summary>
    public static async Task StopAsync(int groupId, int signal, TimeSpan grace)
    {
        Posix.SignalGroup(groupId, signal);
        var deadline = DateTime.UtcNow + grace;
        while (ProcFs.GroupMembers(groupId).Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                Posix.SignalGroup(groupId, Posix.SIGKILL);
                await Task.Delay(200);
                return;
            }

            await Task.Delay(100);
        }
    }
}
