using System.Diagnostics;

namespace Platform.EndToEnd.Tests;

/// <summary>The AppHost as an operator runs it, a process of its own: SIGKILL, a start after it, SIGTERM; and services that refuse to start half-configured.</summary>
public sealed class AppHostLifecycleTests : IDisposable
{
    private readonly string dataDir = Repository.NewDataDir();

    [Fact]
    public async Task AStartAfterSigkillIsHealthyAndSigtermStopsEverythingCleanly()
    {
        // First run: healthy, then killed without a chance to clean up; DCP, which watches the AppHost, stops what it ran.
        IReadOnlyList<AppHostProcess.Resource> first;
        using (var run = AppHostProcess.Start(dataDir))
        {
            first = await run.WaitUntilHealthyAsync();
            run.Signal("KILL");
            Assert.True(await run.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }

        await AppHostProcess.WaitUntilGoneAsync(first, TimeSpan.FromSeconds(60));

        // Second run on the same data folder (Postgres' lock file of the killed run is still there).
        using var second = AppHostProcess.Start(dataDir);
        var resources = await second.WaitUntilHealthyAsync();
        second.Signal("TERM");
        Assert.True(await second.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the AppHost did not exit after SIGTERM");

        Assert.True(second.ExitCode == 0, $"exit code {second.ExitCode}:\n{second.Output}");
        await AppHostProcess.WaitUntilGoneAsync(resources, TimeSpan.FromSeconds(5));
        Assert.False(File.Exists(Path.Combine(dataDir, "resources.json")));
        Assert.Contains("Database cluster state:               shut down", await AppHostProcess.PostgresControlDataAsync(Path.Combine(dataDir, "postgres", "data")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceWithoutItsConnectionStringExitsNamingTheMissingKey()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Repository.OutputOf("Licensing.Service"));
        info.Environment.Remove("ConnectionStrings__licensingdb");
        info.Environment["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{Platform.AppHost.Servers.FreePort.Next()}";
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
}
