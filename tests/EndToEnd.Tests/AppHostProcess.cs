using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Platform.EndToEnd.Tests;

/// <summary>The AppHost run as an operator runs it: its own process, watched through its status document.</summary>
internal sealed class AppHostProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppHostProcess(Process process, int dashboardPort)
    {
        this.process = process;
        DashboardPort = dashboardPort;
    }

    public int DashboardPort { get; }
    public int Id => process.Id;
    public bool HasExited => process.HasExited;
    public int ExitCode => process.ExitCode;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static AppHostProcess Start(string dataDir, int dashboardPort, int rabbitPort)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            Repository.OutputOf("AppHost"), $"--AppHost:DataDir={dataDir}", "--AppHost:GatewayPort=0",
            $"--AppHost:DashboardPort={dashboardPort}", "--AppHost:PostgresPort=0", $"--AppHost:RabbitMQPort={rabbitPort}",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var host = new AppHostProcess(Process.Start(info)!, dashboardPort);
        host.process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until every resource is healthy and returns the process id of each resource that has one.</summary>
    public async Task<Dictionary<string, int>> WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                var json = await Http.GetStringAsync(new Uri($"http://127.0.0.1:{DashboardPort}/api/resources"));
                var resources = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
                if (resources.All(r => r.GetProperty("health").GetString() == "Healthy"))
                {
                    return resources
                        .Where(r => r.GetProperty("pid").ValueKind == JsonValueKind.Number)
                        .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("pid").GetInt32());
                }
            }
            catch (HttpRequestException)
            {
                // The status endpoint is not up yet.
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException($"The AppHost did not become healthy.\n{Output}");
    }

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

    public static int FreePortWithTwoFreeNeighbours()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (port < 65000 && IsFree(port + 1) && IsFree(port + 2))
            {
                return port;
            }
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
