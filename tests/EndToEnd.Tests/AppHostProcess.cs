using System.Diagnostics;
using Platform.AppHost.Servers;

namespace Platform.EndToEnd.Tests;

/// <summary>The AppHost run as an operator runs it: its own process, watched through <c>resources.json</c>.</summary>
internal sealed class AppHostProcess : IDisposable
{
    private readonly Process process;
    private readonly string dataDir;
    private readonly string log;

    private AppHostProcess(Process process, string dataDir, string log)
    {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
    }

    public sealed record Resource(string Name, int? Pid, IReadOnlyList<Uri> Urls);

    public int ExitCode => process.ExitCode;

    public string Output => File.Exists(log) ? File.ReadAllText(log) : "";

    /// <param name="dataDir">The AppHost's data folder.</param>
    /// <param name="dashboard">Also the Aspire dashboard, on free loopback ports (its OTLP/HTTP receiver too).</param>
    public static AppHostProcess Start(string dataDir, bool dashboard = false)
    {
        // As an operator starts it: its output to a file, not to a pipe the test would have to keep draining.
        var log = Path.Combine(dataDir, $"apphost-{Guid.NewGuid():N}.log");
        var info = new ProcessStartInfo("sh") { UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-c", "exec dotnet \"$0\" \"$@\" > \"$LOG\" 2>&1",
            Repository.OutputOf("AppHost"), $"--AppHost:DataDir={dataDir}", $"--AppHost:Dashboard={dashboard}",
            "--AppHost:GatewayPort=0", "--AppHost:PostgresPort=0", "--AppHost:RabbitMQPort=0",
        })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["LOG"] = log;
        if (dashboard)
        {
            // What the AppHost's launch profile gives ./run, on ports of the test's own.
            info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
            info.Environment["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}";
            info.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
            info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        }

        return new AppHostProcess(Process.Start(info)!, dataDir, log);
    }

    /// <summary>The dashboard's login URL (with its browser token) as the AppHost printed it for the operator.</summary>
    public Uri DashboardLoginUrl() =>
        System.Text.RegularExpressions.Regex.Match(Output, @"Login to the dashboard at (\S+)") is { Success: true } match
            ? new Uri(match.Groups[1].Value)
            : throw new InvalidOperationException($"The AppHost printed no dashboard login URL.\n{Output}");

    /// <summary>Waits until <c>resources.json</c> says every resource is healthy; its resources.</summary>
    public async Task<IReadOnlyList<Resource>> WaitUntilHealthyAsync()
    {
        var path = Path.Combine(dataDir, "resources.json");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            // A file older than this process is the one a killed run left, which the AppHost deletes as it starts.
            if (File.Exists(path) && File.GetLastWriteTimeUtc(path) > process.StartTime.ToUniversalTime())
            {
                var resources = JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.EnumerateArray().ToList();
                if (resources.All(r => r.GetProperty("health").GetString() == "Healthy"))
                {
                    return [.. resources.Select(r => new Resource(
                        r.GetProperty("name").GetString()!,
                        r.GetProperty("pid").ValueKind == JsonValueKind.Number ? r.GetProperty("pid").GetInt32() : null,
                        [.. r.GetProperty("urls").EnumerateArray().Select(u => new Uri(u.GetString()!))]))];
                }
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"The AppHost did not become healthy.\n{Output}");
    }

    public void Signal(string signal) => Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).WaitForExit();

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until no process of <paramref name="resources"/> runs and none of their ports listens.</summary>
    public static async Task WaitUntilGoneAsync(IReadOnlyList<Resource> resources, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = resources.Where(r => r.Pid is { } pid && Directory.Exists($"/proc/{pid}") && !IsZombie(pid)).Select(r => r.Name)
                .Concat(resources.Where(r => r.Urls.Any(u => u.Port > 0 && !FreePort.IsFree(u.Port))).Select(r => r.Name + " (port)"))
                .ToList();
            if (left.Count == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"still there after {timeout}: {string.Join(", ", left)}");
            await Task.Delay(250);
        }
    }

    public static async Task<string> PostgresControlDataAsync(string data)
    {
        var bin = Directory.EnumerateDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_controldata")).First(File.Exists);
        using var tool = Process.Start(new ProcessStartInfo(bin, [data]) { RedirectStandardOutput = true })!;
        var text = await tool.StandardOutput.ReadToEndAsync();
        await tool.WaitForExitAsync();
        return text;
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
