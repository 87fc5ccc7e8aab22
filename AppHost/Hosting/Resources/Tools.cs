using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>One-shot helper programs (initdb, chown) run to completion with their output under the resource's name.</summary>
internal static class Tools
{
    /// <param name="onOutput">Also receives every line, for a caller that needs what the tool printed.</param>
    public static async Task RunAsync(ResourceContext context, string resource, ChildProcessSpec spec, CancellationToken cancellationToken, Action<string>? onOutput = null)
    {
        using var child = ChildProcess.Start(resource, spec, context.Output, onOutput);
        int code;
        try
        {
            code = await child.Exited.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // It runs in a session of its own, so Ctrl+C did not reach it.
            await child.StopAsync(Posix.SIGTERM, TimeSpan.FromSeconds(5));
            throw;
        }

        if (code != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(spec.FileName)} exited with code {code}.");
        }
    }
}
