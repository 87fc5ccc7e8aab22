using System.Diagnostics;
using System.Text.Json;

namespace Platform.Grpc.Tests;

/// <summary>Runs the grpc-js scripts in interop/ (installed by scripts/install-prerequisites.sh).</summary>
internal static class Node
{
    public static string InteropDirectory { get; } = Path.Combine(FindTestsRoot(), "Grpc.Tests", "interop");

    public static ProcessStartInfo Script(string script, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(InteropDirectory, "node_modules", "@grpc", "grpc-js")))
        {
            throw new InvalidOperationException($"@grpc/grpc-js is not installed in {InteropDirectory}; run scripts/install-prerequisites.sh.");
        }

        var info = new ProcessStartInfo("node") { WorkingDirectory = InteropDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Runs client.js for one scenario against <paramref name="address"/> and returns the JSON it printed.</summary>
    public static async Task<JsonElement> RunClientAsync(Uri address, string scenario)
    {
        using var process = Process.Start(Script("client.js", $"{address.Host}:{address.Port}", scenario))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var output = (await stdout).Trim();
        Assert.True(process.ExitCode == 0 && output.Length > 0, $"client.js {scenario} exited {process.ExitCode}: {output} {await stderr}");
        return JsonDocument.Parse(output.Split('\n')[^1]).RootElement;
    }

    private static string FindTestsRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return Path.Combine(dir.FullName, "tests");
            }
        }

        throw new InvalidOperationException("Platform.sln not found above the test binaries.");
    }
}
