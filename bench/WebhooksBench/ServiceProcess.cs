using System.Diagnostics;

namespace Platform.Bench.Webhooks;

/// <summary>A replica of Webhooks.Service run from its build output as a process of its own.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string log;

    private ServiceProcess(Process process, string log, Uri address)
    {
        this.process = process;
        this.log = log;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServiceProcess> StartAsync(string serviceDll, IReadOnlyDictionary<string, string> environment)
    {
        var port = Platform.AppHost.Servers.FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [serviceDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(serviceDll)!,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        var log = Path.Combine(Path.GetTempPath(), $"webhooks-bench-{port}.log");
        var process = Process.Start(start)!;
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Webhooks.Service exited with {process.ExitCode}; see {log}.");
            }

            try
            {
                if ((await http.GetAsync(new Uri(address, "/health"))).IsSuccessStatusCode)
                {
                    return new ServiceProcess(process, log, address);
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Webhooks.Service did not become healthy; see {log}.");
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        File.Delete(log);
    }
}
