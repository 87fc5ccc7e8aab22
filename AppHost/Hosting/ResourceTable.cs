using System.Text;

namespace Platform.AppHost.Hosting;

/// <summary>The table printed once everything is up.</summary>
internal static class ResourceTable
{
    public static string Render(IEnumerable<Resource> resources)
    {
        string[] header = ["RESOURCE", "KIND", "STATE", "HEALTH", "PID", "URLS"];
        var rows = resources.Select(r => new[]
        {
            r.Name, r.Kind, r.State.ToString(), r.Health.ToString(),
            r.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            r.Urls.Count > 0 ? string.Join(' ', r.Urls) : "-",
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(row => row[i].Length))).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString();
    }
}
