using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>One-shot helper programs (initdb, chown) run to completion with their output under the resource's name.</summary>
internal static class Tools
{
    public static async Task RunAsync(ResourceContext context, string resource, ChildProcessSpec spec, CancellationToken cancellationToken)
    {
        using var child = ChildProcess.Start(resource, spec, context.Output);
        var code = await child.Exited.WaitAsync(cancellationToken);
        if (code != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(spec.FileName)} exited with code {code}.");
        }
    }
}
