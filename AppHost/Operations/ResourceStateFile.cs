using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;

namespace Platform.AppHost.Operations;

/// <summary>
/// Once every resource is running and healthy, prints the table of resources and writes the same to
/// <c>{data}/resources.json</c> as <c>[{"name","state","health","pid","urls"}]</c>, kept current as resources
/// change, for scripts and CI; the file is removed when the AppHost stops.
/// </summary>
internal sealed class ResourceStateFile(
    ResourceNotificationService notifications,
    PlatformSettings settings,
    ILogger<ResourceStateFile> logger,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly SortedDictionary<string, Row> rows = new(StringComparer.Ordinal);
    private bool written;

    public const string FileName = "resources.json";

    private string FilePath => Path.Combine(settings.DataDir, FileName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (update.Snapshot.IsHidden || update.Resource is ParameterResource)
                {
                    continue;
                }

                rows[update.Resource.Name] = Row.From(update);
                var allReady = rows.Values.All(r => r.IsReady);
                if (allReady && !written)
                {
                    logger.LogInformation("every resource is running and healthy:{NewLine}{Table}", Environment.NewLine, Table());
                }

                if ((written || allReady) && !lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    written = true;
                    var temporary = FilePath + ".tmp";
                    await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(rows.Values, Json), stoppingToken);
                    File.Move(temporary, FilePath, overwrite: true);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        File.Delete(FilePath);
    }

    private string Table()
    {
        var table = new StringBuilder();
        table.AppendLine($"{"NAME",-22} {"STATE",-9} {"HEALTH",-9} {"PID",-8} URLS");
        foreach (var row in rows.Values)
        {
            table.AppendLine($"{row.Name,-22} {row.State,-9} {row.Health,-9} {row.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",-8} {string.Join(' ', row.Urls)}");
        }

        return table.ToString();
    }

    /// <summary>DCP runs a project as <c>dotnet run</c>; the service is that process's child, and the one a script measures or signals.</summary>
    private static int ServicePid(IResource resource, int pid)
    {
        if (resource is not ProjectResource)
        {
            return pid;
        }

        try
        {
            var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return children.Length > 0 ? int.Parse(children[0], System.Globalization.CultureInfo.InvariantCulture) : pid;
        }
        catch (IOException)
        {
            return pid;
        }
    }

    private sealed record Row(string Name, string State, string Health, int? Pid, string[] Urls)
    {
        [System.Text.Json.Serialization.JsonIgnore]
        public bool IsReady => State == KnownResourceStates.Running && Health == "Healthy";

        public static Row From(ResourceEvent update)
        {
            var snapshot = update.Snapshot;
            var pid = snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
            var state = snapshot.State?.Text ?? KnownResourceStates.NotStarted;
            // A resource without health checks is healthy once it runs.
            var health = snapshot.HealthStatus?.ToString() ?? (state == KnownResourceStates.Running ? "Healthy" : "Unknown");
            return new Row(
                update.Resource.Name,
                state,
                health,
                pid is null ? null : ServicePid(update.Resource, Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture)),
                // The http endpoint first, then the others by name (grpc, h2c): scripts take urls[0] for HTTP/1.1.
                [.. snapshot.Urls.Where(u => !u.IsInternal).OrderBy(u => u.Name == "http" ? "" : u.Name, StringComparer.Ordinal).Select(u => u.Url)]);
        }
    }
}
