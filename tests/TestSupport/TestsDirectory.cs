namespace Platform.Testing;

/// <summary>The repository's tests/ folder, found from the test binaries (for scripts and npm packages tests run).</summary>
public static class TestsDirectory
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Platform.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, "tests");
            }
        }

        throw new InvalidOperationException("Platform.sln not found above the test binaries.");
    }
}
