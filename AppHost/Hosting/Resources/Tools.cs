using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>One-shot helper programs (initdb, chown) run to completion with their output under the resource's name.</summary>
internal static class Tools
{
    public static async Task RunAsync(ResourceContext context, string resource, ChildProcessSpec spec, CancellationToken cancellationToken)
    {
        using var child = ChildProcess.Start(resource, spec, context.Output);
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
