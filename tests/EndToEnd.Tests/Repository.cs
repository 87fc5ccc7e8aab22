namespace Platform.EndToEnd.Tests;

/// <summary>Where the solution and its build output are.</summary>
internal static class Repository
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string Root { get; } = FindRoot();

    public static string OutputOf(string project) => Path.Combine(Root, project, "bin", Configuration, "net10.0", project + ".dll");

    public static string NewDataDir() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "platform-e2e-" + Guid.NewGuid().ToString("N")[..12])).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above the test binaries.");
    }
}
