using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Platform.Testing;

/// <summary>
/// Runs a test's Node.js script (under the test binaries' folder) on a JSON input, handed over in a file, and reads
/// the JSON it prints; the script fails the test by exiting with another code than 0 (its stderr is the message).
/// </summary>
public static class Node
{
    public static async Task<JsonElement> RunAsync(string script, object input)
    {
        var file = System.IO.Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(input));
            var start = new ProcessStartInfo("node", [System.IO.Path.Combine(AppContext.BaseDirectory, script), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await error}");
            }

            return JsonDocument.Parse(await output).RootElement;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
