using System.Globalization;
using System.Reflection;

namespace Platform.ServiceDefaults.Data;

/// <summary>One forward-only schema change: <c>Infrastructure/Migrations/NNNN_name.sql</c>, embedded in the service.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    private const string Marker = ".Infrastructure.Migrations.";

    /// <summary>Every migration embedded in <paramref name="assembly"/>, in version order.</summary>
    public static IReadOnlyList<Migration> LoadFrom(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(Marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = resource[(resource.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..^".sql".Length];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(file[..underscore].TrimStart('_'), CultureInfo.InvariantCulture);
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
