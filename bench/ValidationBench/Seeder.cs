namespace Platform.Bench.Validation;

/// <summary><c>seed</c>: live-mode licenses for bench/validation.sh, their keys written to a file, one a line.</summary>
internal static class Seeder
{
    public static async Task<int> RunAsync(string database, string tenantId, int count, string file)
    {
        var keys = await BenchLicenses.SeedAsync(database, tenantId, "live", count);
        await File.WriteAllLinesAsync(file, keys);
        Console.WriteLine($"seeded {count} licenses");
        return 0;
    }
}
