namespace Platform.AppHost.Hosting.Resources;

/// <summary>Finds the newest server binaries installed by Debian's postgresql packages.</summary>
internal static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public static string Find()
    {
        var bin = Directory.Exists(DebianRoot)
            ? Directory.EnumerateDirectories(DebianRoot)
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(dir => File.Exists(Path.Combine(dir, "postgres")))
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(Path.GetDirectoryName(dir)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            $"No PostgreSQL server under {DebianRoot}. Install it (apt-get install postgresql) or set ConnectionStrings__postgres to an existing server.");
    }
}
