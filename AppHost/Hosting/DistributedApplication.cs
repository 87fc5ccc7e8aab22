using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using Platform.AppHost.Hosting.Dashboard;
using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting;

/// <summary>The running platform: the resources, the orchestrator that starts them and the status endpoint.</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private const string Self = "apphost";
    private readonly AppHostOptions options;
    private readonly ConsoleOutput output;
    private readonly ProcessLedger ledger;
    private readonly Orchestrator orchestrator;
    private WebApplication? dashboard;
    private FileStream? dataLock;
    private bool stopped;

    internal DistributedApplication(AppHostOptions options, IReadOnlyList<Resource> resources)
    {
        this.options = options;
        Resources = resources;
        output = new ConsoleOutput(options.EchoOutput);
        ledger = new ProcessLedger(options.DataDir, message => output.Write(Self, message));
        orchestrator = new Orchestrator(resources, new ResourceContext(options, output, ledger));
    }

    public IReadOnlyList<Resource> Resources { get; }
    public AppHostOptions Options => options;
    public Uri? DashboardUrl { get; private set; }

    /// <summary>The last lines a resource wrote (kept whether or not output is echoed).</summary>
    public IReadOnlyList<string> GetRecentOutput(string resource) => output.Recent(resource);

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(args);

    public Resource GetResource(string name) =>
        Resources.FirstOrDefault(r => r.Name == name) ?? throw new ArgumentException($"No resource named '{name}'.", nameof(name));

    /// <summary>Runs until Ctrl+C or SIGTERM, then stops every child; a failed start stops everything and exits non-zero.</summary>
    public void Run() => Environment.ExitCode = RunAsync().GetAwaiter().GetResult();

    public async Task<int> RunAsync()
    {
        using var shutdown = new CancellationTokenSource();
        void OnSignal(PosixSignalContext signal)
        {
            signal.Cancel = true;
            if (shutdown.IsCancellationRequested)
            {
                output.Write(Self, "second signal: killing every child now");
                orchestrator.KillAll();
                return;
            }

            shutdown.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
        var exitCode = 0;
        try
        {
            await StartAsync();
            await WaitForAllHealthyAsync(shutdown.Token);
            output.Write(Self, "ready; Ctrl+C stops everything");
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            output.Write(Self, "stopping");
        }
        catch (Exception ex)
        {
            output.Write(Self, $"start failed: {ex.Message}");
            exitCode = 1;
        }

        await StopAsync();
        output.Write(Self, "stopped");
        return exitCode;
    }

    /// <summary>Takes the data folder, stops leftovers of an earlier run, serves the status document and starts every resource.</summary>
    public async Task StartAsync()
    {
        Directory.CreateDirectory(options.DataDir);
        dataLock = TakeDataFolder();
        await ledger.StopLeftoversAsync();
        if (options.Reset)
        {
            EmptyDataFolder();
        }

        var dashboardPort = PortAllocator.Resolve(options.DashboardPort);
        dashboard = DashboardServer.Create(dashboardPort, Resources, output);
        await dashboard.StartAsync();
        DashboardUrl = new Uri($"http://127.0.0.1:{dashboardPort}");
        output.Write(Self, $"data folder {options.DataDir}; status at {DashboardUrl}api/resources");
        orchestrator.Start();
    }

    /// <summary>Completes when every resource is healthy and prints the table; throws if one fails to start.</summary>
    public async Task WaitForAllHealthyAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(Resources.Select(r => r.Ready)).WaitAsync(cancellationToken);
        output.Write(Self, "every resource is healthy:");
        foreach (var line in ResourceTable.Render(Resources).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            output.Write(Self, line);
        }
    }

    public async Task StopAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        try
        {
            await orchestrator.StopAsync();
            orchestrator.Dispose();
        }
        finally
        {
            if (dashboard is not null)
            {
                await dashboard.StopAsync();
                await dashboard.DisposeAsync();
            }

            dataLock?.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Deletes everything the data folder holds but its lock, once nothing from an earlier run is left running.</summary>
    private void EmptyDataFolder()
    {
        output.Write(Self, $"reset: emptying {options.DataDir}");
        foreach (var entry in new DirectoryInfo(options.DataDir).EnumerateFileSystemInfos())
        {
            if (entry.Name == "apphost.lock")
            {
                continue;
            }

            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }

    /// <summary>One AppHost per data folder: a second one would fight over ports and files.</summary>
    private FileStream TakeDataFolder()
    {
        var path = Path.Combine(options.DataDir, "apphost.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new InvalidOperationException($"Another AppHost is running with the data folder {options.DataDir}.");
        }
    }
}
