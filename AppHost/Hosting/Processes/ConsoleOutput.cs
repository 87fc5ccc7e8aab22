namespace Platform.AppHost.Hosting.Processes;

/// <summary>Copies resource output to the console, each line prefixed with the resource's name, and keeps the recent lines.</summary>
public sealed class ConsoleOutput(bool echo)
{
    private const int KeptLines = 500;
    private static readonly ConsoleColor[] Colors =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Yellow, ConsoleColor.Magenta, ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkGreen, ConsoleColor.DarkYellow];

    private readonly Lock gate = new();
    private readonly Dictionary<string, Queue<string>> recent = [];
    private int width = 10;

    public void Register(string resource)
    {
        lock (gate)
        {
            recent.TryAdd(resource, new Queue<string>());
            width = Math.Max(width, resource.Length);
        }
    }

    public void Write(string resource, string line)
    {
        lock (gate)
        {
            if (!recent.TryGetValue(resource, out var lines))
            {
                recent[resource] = lines = new Queue<string>();
            }

            lines.Enqueue(line);
            if (lines.Count > KeptLines)
            {
                lines.Dequeue();
            }

            if (!echo)
            {
                return;
            }

            var colored = !Console.IsOutputRedirected;
            if (colored)
            {
                Console.ForegroundColor = Colors[(uint)StringComparer.Ordinal.GetHashCode(resource) % Colors.Length];
            }

            Console.Out.Write($"{resource.PadRight(width)} | ");
            if (colored)
            {
                Console.ResetColor();
            }

            Console.Out.WriteLine(line);
        }
    }

    /// <summary>The last lines a resource wrote, oldest first.</summary>
    public IReadOnlyList<string> Recent(string resource)
    {
        lock (gate)
        {
            return recent.TryGetValue(resource, out var lines) ? [.. lines] : [];
        }
    }
}
