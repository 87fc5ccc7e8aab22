using System.Diagnostics;
using Platform.AppHost.Hosting.Processes;

namespace Platform.EndToEnd.Tests;

/// <summary>The AppHost as a process: signals, leftovers after a crash, and services that refuse to start half-configured.</summary>
public sealed class AppHostLifecycleTests : IDisposable
{
    private readonly string dataDir = Repository.NewDataDir();

    [Fact]
    public async Task StartAfterSigkillStopsTheLeftoversAndSigtermLeavesNoProcessBehind()
    {
        var rabbitPort = AppHostProcess.FreePortWithTwoFreeNeighbours();
        var epmdPort = rabbitPort + 2;

        // First run: healthy, then killed without a chance to clean up.
        List<int> firstLeaders;
        ProcessSnapshot firstRun;
        using (var first = AppHostProcess.Start(dataDir, PortFree(), rabbitPort))
        {
            firstLeaders = [.. (await first.WaitUntilHealthyAsync()).Values];
            firstRun = ProcessSnapshot.Of(firstLeaders);
            SigKill(first.Id);
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }

        Assert.NotEmpty(firstRun.StillRunning());

        // Second run on the same data folder: the leftovers are stopped before anything starts.
        using var second = AppHostProcess.Start(dataDir, PortFree(), rabbitPort);
        var secondLeaders = await second.WaitUntilHealthyAsync();
        Assert.Empty(firstRun.StillRunning());
        Assert.Contains("left over from an earlier run", second.Output, StringComparison.Ordinal);

        // SIGTERM: every child, Postgres and RabbitMQ (and its epmd) included, is gone when the AppHost exits.
        var secondRun = ProcessSnapshot.Of(secondLeaders.Values);
        Assert.True(secondRun.Processes.Count >= secondLeaders.Count);
        Process.Start("kill", ["-TERM", second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).WaitForExit();
        Assert.True(await second.WaitForExitAsync(TimeSpan.FromSeconds(90)), "the AppHost did not exit after SIGTERM");
        Assert.Equal(0, second.ExitCode);
        Assert.Empty(secondRun.StillRunning());
        Assert.True(AppHostProcess.IsFree(epmdPort), "epmd still listens on its port");
        Assert.True(AppHostProcess.IsFree(rabbitPort), "RabbitMQ still listens on its port");
    }

    [Fact]
    public async Task ServiceWithoutItsConnectionStringExitsNamingTheMissingKey()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Repository.OutputOf("Licensing.Service"));
        info.Environment.Remove("ConnectionStrings__licensingdb");
        info.Environment["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{PortFree()}";
        using var service = Process.Start(info)!;
        var stderr = service.StandardError.ReadToEndAsync();
        var stdout = service.StandardOutput.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await service.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, service.ExitCode);
        Assert.Contains("ConnectionStrings__licensingdb", await stderr + await stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A failed test may leave a file busy; the folder is under /tmp.
        }
    }

    private static int PortFree()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void SigKill(int pid) => Process.GetProcessById(pid).Kill();
}
