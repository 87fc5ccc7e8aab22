using System.Diagnostics;
using System.Globalization;

namespace Platform.Webhooks.Tests;

/// <summary>
/// One of the reference's signature checks (<c>reference/verify-node.mjs</c>, <c>reference/verify-python.py</c>) run
/// as a receiver of its own: 200 when the signature verifies, 401 when it does not. <see cref="Secret"/> is read by
/// the script before each request.
/// </summary>
internal sealed class ReferenceVerifier : IAsyncDisposable
{
    private readonly Process process;
    private readonly string secretFile;

    private ReferenceVerifier(Process process, string secretFile, int port)
    {
        this.process = process;
        this.secretFile = secretFile;
        Url = $"http://127.0.0.1:{port}/webhooks/to";
    }

    public string Url { get; }

    public string Secret { set => File.WriteAllText(secretFile, value); }

    public static Task<ReferenceVerifier> NodeAsync() => StartAsync("node", "verify-node.mjs");

    public static Task<ReferenceVerifier> PythonAsync() => StartAsync("python3", "verify-python.py");

    private static async Task<ReferenceVerifier> StartAsync(string runtime, string script)
    {
        var secretFile = Path.GetTempFileName();
        var start = new ProcessStartInfo(runtime, [Path.Combine(AppContext.BaseDirectory, "reference", script), secretFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var port = await process.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException($"{script} printed no port: {await process.StandardError.ReadToEndAsync()}");
        // Keep draining what the reference's code prints ("Event: …") so the pipe never fills.
        _ = process.StandardOutput.ReadToEndAsync();
        return new ReferenceVerifier(process, secretFile, int.Parse(port, CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        File.Delete(secretFile);
    }
}
