using System.Diagnostics;

namespace Platform.Validation.Tests;

/// <summary>Runs a script of <c>node/</c> with Node.js (no npm packages: only its built-in modules).</summary>
internal static class Node
{
    public static async Task<JsonElement> RunAsync(string script, object input)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(input));
            var start = new ProcessStartInfo("node", [Path.Combine(AppContext.BaseDirectory, "node", script), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
            Assert.True(process.ExitCode == 0, await error);
            return JsonDocument.Parse(await output).RootElement;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
