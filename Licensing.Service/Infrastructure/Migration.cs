namespace Platform.Licensing.Infrastructure;

/// <summary>One forward-only schema change: <c>NNNN_name.sql</c>, embedded in the service.</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>Every migration of the service, in version order.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load();

    private static List<Migration> Load()
    {
        var assembly = typeof(Migration).Assembly;
        const string marker = ".Infrastructure.Migrations.";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = resource[(resource.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..^".sql".Length];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(file[..underscore].TrimStart('_'), System.Globalization.CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add(new Migration(version, file[(underscore + 1)..], reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        if (migrations.Select(m => m.Version).Distinct().Count() != migrations.Count)
        {
            throw new InvalidOperationException("Two migrations share a version number.");
        }

        return migrations;
    }
}
