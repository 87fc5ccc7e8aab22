using System.Diagnostics;
using System.Text.Json;

namespace Platform.Licensing.Tests;

/// <summary>Runs interop/client.js, a client on the reference gRPC implementation (@grpc/grpc-js), installed by scripts/install-prerequisites.sh.</summary>
internal static class GrpcJs
{
    private static readonly string Directory = Path.Combine(TestsDirectory.Path, "Licensing.Tests", "interop");

    /// <summary>Runs client.js against <paramref name="address"/> and returns the JSON line it printed.</summary>
    public static async Task<JsonElement> RunAsync(Uri address, params string[] arguments)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@grpc", "grpc-js")))
        {
            throw new InvalidOperationException($"@grpc/grpc-js is not installed in {Directory}; run scripts/install-prerequisites.sh.");
        }

        var info = new ProcessStartInfo("node") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("client.js");
        info.ArgumentList.Add($"{address.Host}:{address.Port}");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var output = (await stdout).Trim();
        Assert.True(process.ExitCode == 0 && output.Length > 0, $"client.js {string.Join(' ', arguments)} exited {process.ExitCode}: {output} {await stderr}");
        return JsonDocument.Parse(output.Split('\n')[^1]).RootElement;
    }
}
