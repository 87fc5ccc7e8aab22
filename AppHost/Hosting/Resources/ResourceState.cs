namespace Platform.AppHost.Hosting.Resources;

/// <summary>Where a resource is in its life, as shown in the table and the status document.</summary>
public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Exited,
    FailedToStart,
    Stopping,
    Finished,
}
