using Npgsql;
using Platform.Contracts.Keys;

namespace Platform.Bench;

/// <summary>
/// Licenses for a benchmark, written straight into licensingdb with COPY (the REST API would take minutes for
/// 100,000): one new product, active subscription licenses with two features and five activations. Compiled into
/// each benchmark that seeds.
/// </summary>
internal static class BenchLicenses
{
    private static readonly string[] Features = ["export", "sync"];

    /// <returns>The keys, in the order seeded.</returns>
    public static async Task<string[]> SeedAsync(string database, string tenantId, string environment, int count)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        var productId = "prod_bench" + Guid.NewGuid().ToString("N")[..12];
        await using (var product = dataSource.CreateCommand("INSERT INTO products (id, tenant_id, environment, name) VALUES ($1, $2, $3, 'Benchmark')"))
        {
            product.Parameters.Add(new NpgsqlParameter { Value = productId });
            product.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            product.Parameters.Add(new NpgsqlParameter { Value = environment });
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
                await writer.WriteAsync(environment);
                await writer.WriteAsync(key);
                await writer.WriteAsync(productId);
                await writer.WriteAsync("active");
                await writer.WriteAsync("subscription");
                await writer.WriteAsync(Features);
                await writer.WriteAsync(5);
            }

            await writer.CompleteAsync();
        }

        return keys;
    }
}
