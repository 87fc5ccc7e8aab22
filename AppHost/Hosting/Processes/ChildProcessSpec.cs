namespace Platform.AppHost.Hosting.Processes;

/// <summary>What to run for a resource: the program, its arguments, folder, environment and, when the AppHost runs as root, the user to run it as.</summary>
internal sealed record ChildProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    string? RunAsUser = null);
