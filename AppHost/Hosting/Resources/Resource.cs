namespace Platform.AppHost.Hosting.Resources;

/// <summary>Something the AppHost starts, watches and stops: a server, a database or a project.</summary>
public abstract class Resource(string name)
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;
    public abstract string Kind { get; }
    public ResourceState State { get; internal set; } = ResourceState.NotStarted;
    public ResourceHealth Health { get; internal set; } = ResourceHealth.Unknown;
    public virtual int? ProcessId => null;
    public int? ExitCode { get; internal set; }
    public virtual IReadOnlyList<string> Urls => [];

    /// <summary>Resources that must be healthy before this one starts.</summary>
    public IList<Resource> WaitsFor { get; } = [];

    /// <summary>Completes when the resource is first healthy; faults if it fails to start.</summary>
    public Task Ready => ready.Task;

    internal abstract Task StartAsync(ResourceContext context, CancellationToken cancellationToken);

    internal abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    internal virtual Task StopAsync(ResourceContext context) => Task.CompletedTask;

    /// <summary>Completes when the resource's process ends by itself; never for resources without one.</summary>
    internal virtual Task<int> Exited => new TaskCompletionSource<int>().Task;

    internal void MarkReady() => ready.TrySetResult();

    internal void MarkFailed(string reason)
    {
        State = ResourceState.FailedToStart;
        Health = ResourceHealth.Unhealthy;
        ready.TrySetException(new InvalidOperationException($"{Name}: {reason}"));
    }
}
