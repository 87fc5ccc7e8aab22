using Npgsql;
using Platform.Contracts.Keys;

namespace Platform.Bench.Validation;

/// <summary>Licenses for the benchmark, written straight into licensingdb with COPY (the REST API would take minutes for 100,000).</summary>
internal static class Seeder
{
    private static readonly string[] Features = ["export", "sync"];

    public static async Task<int> RunAsync(string database, string tenantId, int count, string file)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        var productId = "prod_bench" + Guid.NewGuid().ToString("N")[..12];
        await using (var product = dataSource.CreateCommand("INSERT INTO products (id, tenant_id, environment, name) VALUES ($1, $2, 'live', 'Benchmark')"))
        {
            product.Parameters.Add(new NpgsqlParameter { Value = productId });
            product.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            await product.ExecuteNonQueryAsync();
        }

        var keys = Enumerable.Range(0, count).Select(_ => LicenseKeyFormat.Generate()).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY licenses (id, tenant_id, environment, key, product_id, status, type, features, max_activations) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var key in keys)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync("lic_bench" + Guid.NewGuid().ToString("N")[..16]);
                await writer.WriteAsync(tenantId);
                await writer.WriteAsync("live");
                await writer.WriteAsync(key);
                await writer.WriteAsync(productId);
                await writer.WriteAsync("active");
                await writer.WriteAsync("subscription");
                await writer.WriteAsync(Features);
                await writer.WriteAsync(5);
            }

            await writer.CompleteAsync();
        }

        await File.WriteAllLinesAsync(file, keys);
        Console.WriteLine($"seeded {count} licenses");
        return 0;
    }
}
