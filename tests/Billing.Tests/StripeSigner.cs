using System.Diagnostics;

namespace Platform.Billing.Tests;

/// <summary>
/// Signs payloads with the real <c>stripe</c> npm package (<c>webhooks.generateTestHeaderString</c>), through
/// stripe/sign.js; <c>npm ci</c> in tests/Billing.Tests/stripe installs it (scripts/install-prerequisites.sh does).
/// </summary>
internal static class StripeSigner
{
    private static readonly string Directory = Path.Combine(TestsDirectory.Path, "Billing.Tests", "stripe");

    public static async Task<string> HeaderAsync(string payload, string secret, DateTimeOffset? at = null)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "stripe")))
        {
            throw new InvalidOperationException($"The stripe package is not installed in {Directory}; run scripts/install-prerequisites.sh.");
        }

        var info = new ProcessStartInfo("node") { WorkingDirectory = Directory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("sign.js");
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(new { payload, secret, timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() }));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"sign.js exited {process.ExitCode}: {await error}");
        return (await output).Trim();
    }
}
