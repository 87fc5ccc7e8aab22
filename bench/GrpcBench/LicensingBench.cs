using Npgsql;
using Platform.Contracts.Keys;
using Platform.Protos.Licensing.V1;
using Platform.ServiceDefaults.Grpc.Client;

namespace Platform.Bench.Grpc;

/// <summary>
/// Licensing's GetLicenseByKey over gRPC, answered from Postgres: seeds 10,000 licenses for a tenant, then
/// N callers ask for random keys among them for a fixed time.
/// </summary>
internal static class LicensingBench
{
    private const int Licenses = 10_000;
    private static readonly string[] Features = ["export", "sync"];
    private static readonly Method<GetLicenseByKeyRequest, LicenseSnapshot> Get =
        Method.From<GetLicenseByKeyRequest, LicenseSnapshot>(LicensingReflection.Descriptor.Services[0], "GetLicenseByKey");

    public static async Task<int> RunAsync(Uri grpc, string database, string tenantId, int callers, int seconds)
    {
        var keys = await SeedAsync(database, tenantId);
        using var channel = GrpcChannel.ForAddress(grpc);
        var invoker = channel.CreateCallInvoker();
        Console.WriteLine($"{keys.Length} licenses; {callers} callers; {seconds} s after a {BenchClient.Warmup.TotalSeconds:0} s warm-up");

        Func<Task> call = () => invoker.UnaryAsync(Get, new GetLicenseByKeyRequest { Key = keys[Random.Shared.Next(keys.Length)] }).ResponseAsync;
        await BenchClient.RunPhaseAsync(call, callers, BenchClient.Warmup);
        BenchClient.Report(await BenchClient.RunPhaseAsync(call, callers, TimeSpan.FromSeconds(seconds)));

        // Baseline in the same run: the same lookup straight from this process to Postgres, no service between.
        Console.WriteLine("baseline: the same query sent directly with Npgsql");
        await using var direct = new NpgsqlDataSourceBuilder(database) { ConnectionStringBuilder = { MaxAutoPrepare = 10 } }.Build();
        Func<Task> query = async () =>
        {
            await using var command = direct.CreateCommand("SELECT * FROM licenses WHERE key = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = keys[Random.Shared.Next(keys.Length)] });
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
        };
        await BenchClient.RunPhaseAsync(query, callers, BenchClient.Warmup);
        BenchClient.Report(await BenchClient.RunPhaseAsync(query, callers, TimeSpan.FromSeconds(seconds)));
        return 0;
    }

    private static async Task<string[]> SeedAsync(string database, string tenantId)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        var productId = "prod_bench" + Guid.NewGuid().ToString("N")[..12];
        await using (var product = dataSource.CreateCommand("INSERT INTO products (id, tenant_id, environment, name) VALUES ($1, $2, 'test', 'Benchmark')"))
        {
            product.Parameters.Add(new NpgsqlParameter { Value = productId });
            product.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            await product.ExecuteNonQueryAsync();
        }

        var keys = Enumerable.Range(0, Licenses).Select(_ => LicenseKeyFormat.Generate()).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY licenses (id, tenant_id, environment, key, product_id, status, type, features, max_activations) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var key in keys)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync("lic_bench" + Guid.NewGuid().ToString("N")[..16]);
                await writer.WriteAsync(tenantId);
                await writer.WriteAsync("test");
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
