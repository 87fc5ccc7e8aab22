using System.Diagnostics;

namespace Platform.Client.Tests;

/// <summary>What one run of <c>licensectl</c> did.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>stdout as JSON (the whole of it: with <c>--json</c> nothing else may be there).</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the built tool as a real process (<c>dotnet licensectl.dll …</c>), with the environment it is given and none of the
/// test process's <c>LICENSE_API_*</c>, reading stdout and stderr as they come and killing it after <see cref="Timeout"/>.
/// </summary>
internal static class CliProcess
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static readonly Lazy<string> Tool = new(FindTool);

    /// <summary>The tool with the platform's URL and admin test key in its environment.</summary>
    public static Task<CliResult> CliAsync(this PlatformFixture platform, params string[] arguments) =>
        RunAsync(Environment(platform), arguments);

    /// <summary>The environment that points the tool at the test platform with its admin test key.</summary>
    public static Dictionary<string, string?> Environment(PlatformFixture platform) => new()
    {
        ["LICENSE_API_URL"] = platform.Url("gateway").ToString(),
        ["LICENSE_API_KEY"] = platform.Credentials().GetProperty("testKey").GetString(),
    };

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Tool.Value);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("LICENSE_API_URL");
        start.Environment.Remove("LICENSE_API_KEY");
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("licensectl did not start.");
        process.StandardInput.Close();
        // Both pipes at once: a process that fills one while nobody reads it would wait for ever.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"licensectl {string.Join(' ', arguments)} did not end within {Timeout.TotalSeconds} s.\n--- stdout\n{await stdout}\n--- stderr\n{await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The dotnet host that runs the tests, which runs the tool too.</summary>
    private static string DotnetHost() =>
        System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Path.GetFileNameWithoutExtension(System.Environment.ProcessPath) == "dotnet" ? System.Environment.ProcessPath!
        : "dotnet";

    /// <summary>
    /// The built <c>licensectl.dll</c>: <c>LICENSECTL_DLL</c> when set; else the Cli project's output of the configuration
    /// and framework the tests were built with (tests/Client.Tests/bin/Debug/net10.0 → Cli/bin/Debug/net10.0); else the newest under Cli/bin.
    /// </summary>
    private static string FindTool()
    {
        if (System.Environment.GetEnvironmentVariable("LICENSECTL_DLL") is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : throw new FileNotFoundException($"LICENSECTL_DLL names {given}, which does not exist.");
        }

        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new DirectoryNotFoundException($"No Platform.sln above {here.FullName}: set LICENSECTL_DLL to the built licensectl.dll.");
        }

        var testProject = Path.Combine(root.FullName, "tests", "Client.Tests");
        var layout = Path.GetRelativePath(testProject, here.FullName);
        var sameLayout = Path.Combine(root.FullName, "Cli", layout, "licensectl.dll");
        if (!layout.StartsWith("..", StringComparison.Ordinal) && IsTool(sameLayout))
        {
            return sameLayout;
        }

        var output = Path.Combine(root.FullName, "Cli", "bin");
        return (Directory.Exists(output) ? Directory.EnumerateFiles(output, "licensectl.dll", SearchOption.AllDirectories) : [])
            .Where(IsTool)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault()
            ?? throw new FileNotFoundException($"licensectl.dll is not built (looked for {sameLayout} and under {output}): build tests/Client.Tests or Cli first.");
    }

    private static bool IsTool(string dll) => File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json"));
}
