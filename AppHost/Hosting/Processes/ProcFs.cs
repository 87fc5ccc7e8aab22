using System.Globalization;

namespace Platform.AppHost.Hosting.Processes;

/// <summary>Reads <c>/proc</c> to tell a process apart from a later one with a recycled pid, and to find a group's members.</summary>
public static class ProcFs
{
    /// <summary>The start time of <paramref name="pid"/> in clock ticks since boot, or null when it does not exist.</summary>
    public static long? StartTime(int pid) => Field(pid, 22) is { } value ? long.Parse(value, CultureInfo.InvariantCulture) : null;

    /// <summary>Whether the process that started at <paramref name="startTime"/> still runs (a zombie does not).</summary>
    public static bool IsRunning(int pid, long startTime) =>
        Fields(pid) is { } fields && fields[0] != "Z" && fields[19] == startTime.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="pid"/> exists and is not a zombie.</summary>
    public static bool IsAlive(int pid) => Fields(pid) is { } fields && fields[0] != "Z";

    /// <summary>Pids of the live (not zombie) processes whose process group is <paramref name="groupId"/>.</summary>
    public static IReadOnlyList<int> GroupMembers(int groupId)
    {
        var members = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            var fields = Fields(pid);
            if (fields is not null && fields[0] != "Z" && fields[2] == groupId.ToString(CultureInfo.InvariantCulture))
            {
                members.Add(pid);
            }
        }

        return members;
    }

    /// <summary>Field <paramref name="number"/> (1-based, as in proc(5)) of <c>/proc/pid/stat</c>, or null when the process does not exist.</summary>
    public static string? Field(int pid, int number) => Fields(pid) is { } fields ? fields[number - 3] : null;

    /// <summary>The fields after the command name, which may itself contain spaces and parentheses; index 0 is field 3.</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
