namespace Platform.AppHost.Hosting.Dashboard;

/// <summary>One resource in the status document at <c>/api/resources</c>.</summary>
public sealed record ResourceStatus(string Name, string Kind, string State, string Health, int? Pid, int? ExitCode, IReadOnlyList<string> Urls)
{
    public static ResourceStatus Of(Resource r) =>
        new(r.Name, r.Kind, r.State.ToString(), r.Health.ToString(), r.ProcessId, r.ExitCode, r.Urls);
}
