using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting;

/// <summary>
/// Starts every resource as soon as what it waits for is healthy, watches its health and its process,
/// and stops everything in the reverse order: dependents before what they depend on.
/// </summary>
internal sealed class Orchestrator(IReadOnlyList<Resource> resources, ResourceContext context) : IDisposable
{
    private static readonly TimeSpan StartupProbeInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> lifetimes = [];

    public void Start()
    {
        foreach (var resource in resources)
        {
            context.Output.Register(resource.Name);
        }

        foreach (var resource in resources)
        {
            lifetimes.Add(Task.Run(() => RunAsync(resource, stopping.Token)));
        }
    }

    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        await Task.WhenAll(lifetimes);
        foreach (var level in StopOrder())
        {
            await Task.WhenAll(level.Select(async resource =>
            {
                if (resource.State is ResourceState.NotStarted or ResourceState.FailedToStart && resource.ProcessId is null)
                {
                    return;
                }

                resource.State = ResourceState.Stopping;
                try
                {
                    await resource.StopAsync(context);
                }
                catch (Exception ex)
                {
                    // One resource failing to stop must not keep the others running.
                    context.Log(resource.Name, $"failed to stop cleanly: {ex.Message}");
                }

                resource.State = ResourceState.Finished;
                resource.Health = ResourceHealth.Unknown;
            }));
        }
    }

    private async Task RunAsync(Resource resource, CancellationToken cancellationToken)
    {
        try
        {
            if (resource.WaitsFor.Count > 0)
            {
                resource.State = ResourceState.Waiting;
                await WaitForDependenciesAsync(resource, cancellationToken);
            }

            resource.State = ResourceState.Starting;
            await resource.StartAsync(context, cancellationToken);
            await WaitUntilHealthyAsync(resource, cancellationToken);
            resource.State = ResourceState.Running;
            resource.Health = ResourceHealth.Healthy;
            resource.MarkReady();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            resource.MarkFailed("the AppHost stopped before it was healthy");
            return;
        }
        catch (Exception ex)
        {
            context.Log(resource.Name, $"failed to start: {ex.Message}");
            resource.MarkFailed(ex.Message);
            return;
        }

        await WatchAsync(resource, cancellationToken);
    }

    /// <summary>A probe that throws (a refused connection, a client library's own timeout) is simply not healthy.</summary>
    private static async Task<bool> ProbeAsync(Resource resource, CancellationToken cancellationToken)
    {
        try
        {
            return await resource.IsHealthyAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task WaitForDependenciesAsync(Resource resource, CancellationToken cancellationToken)
    {
        foreach (var dependency in resource.WaitsFor)
        {
            try
            {
                await dependency.Ready.WaitAsync(cancellationToken);
            }
            catch (InvalidOperationException)
            {
                throw new InvalidOperationException($"{dependency.Name}, which it waits for, failed to start.");
            }
        }
    }

    private async Task WaitUntilHealthyAsync(Resource resource, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + context.Options.StartTimeout;
        while (!await ProbeAsync(resource, cancellationToken))
        {
            if (resource.Exited.IsCompleted)
            {
                resource.ExitCode = resource.Exited.Result;
                throw new InvalidOperationException($"exited with code {resource.ExitCode} before it was healthy.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not healthy after {context.Options.StartTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(StartupProbeInterval, cancellationToken);
        }
    }

    /// <summary>After start: health every few seconds, and an exit noticed at once.</summary>
    private async Task WatchAsync(Resource resource, CancellationToken cancellationToken)
    {
        try
        {
            await WatchUntilStoppedAsync(resource, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping while a health probe was in flight: the watch is simply over (StopAsync awaits every watch).
        }
    }

    private async Task WatchUntilStoppedAsync(Resource resource, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.WhenAny(Task.Delay(WatchInterval, cancellationToken), resource.Exited);
            if (resource.Exited.IsCompleted && !cancellationToken.IsCancellationRequested)
            {
                resource.ExitCode = resource.Exited.Result;
                resource.State = ResourceState.Exited;
                resource.Health = ResourceHealth.Unhealthy;
                context.Log(resource.Name, $"exited unexpectedly with code {resource.ExitCode}");
                return;
            }

            if (!cancellationToken.IsCancellationRequested)
            {
                resource.Health = await ProbeAsync(resource, cancellationToken) ? ResourceHealth.Healthy : ResourceHealth.Unhealthy;
            }
        }
    }

    /// <summary>Kills every child at once: the answer to a second Ctrl+C while stopping.</summary>
    public void KillAll()
    {
        foreach (var resource in resources.OfType<ProcessResource>())
        {
            resource.Kill();
        }
    }

    public void Dispose() => stopping.Dispose();

    /// <summary>Groups of resources that can stop together, dependents first.</summary>
    private List<List<Resource>> StopOrder()
    {
        var depth = new Dictionary<Resource, int>();
        int Depth(Resource r) => depth.TryGetValue(r, out var d) ? d : depth[r] = r.WaitsFor.Count == 0 ? 0 : r.WaitsFor.Max(Depth) + 1;
        return [.. resources.GroupBy(Depth).OrderByDescending(g => g.Key).Select(g => g.ToList())];
    }
}
