namespace Platform.AppHost.Hosting.Processes;

/// <summary>Every child runs as the leader of its own process group, so stopping it stops what it started too.</summary>
internal static class ProcessGroup
{
    /// <summary>
    /// Whether group <paramref name="groupId"/> is still the one whose leader started at <paramref name="leaderStartTime"/>:
    /// its leader runs with that start time, or the leader is gone but members remain (Linux does not hand out a
    /// pid that is still some group's id, so such members are ours). Anything else is a stranger reusing the pid.
    /// </summary>
    public static bool IsStill(int groupId, long leaderStartTime)
    {
        var start = ProcFs.StartTime(groupId);
        return start == leaderStartTime || (start is null && ProcFs.GroupMembers(groupId).Count > 0);
    }

    /// <summary>Signals the group, waits for it to empty, and kills whatever is left after <paramref name="grace"/>; a group that is no longer ours is left alone.</summary>
    public static async Task StopAsync(int groupId, long leaderStartTime, int signal, TimeSpan grace)
    {
        if (!IsStill(groupId, leaderStartTime))
        {
            return;
        }

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
