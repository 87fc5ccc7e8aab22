using Npgsql;
using Platform.Protos.Licensing.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.ServiceDefaults.Identity;
using LicensingGrpc = Platform.Protos.Licensing.V1.Licensing;

namespace Platform.Bench.Grpc;

/// <summary>
/// Licensing's GetLicenseByKey over gRPC, answered from Postgres: seeds 10,000 licenses for a tenant, then
/// N callers ask for random keys among them for a fixed time.
/// </summary>
internal static class LicensingBench
{
    private const int Licenses = 10_000;

    /// <param name="identitySecret">The platform's identity secret (base64): the calls carry Validation's service credential, as its cache misses do.</param>
    public static async Task<int> RunAsync(Uri grpc, string database, string tenantId, string identitySecret, int callers, int seconds)
    {
        var keys = await BenchLicenses.SeedAsync(database, tenantId, "test", Licenses);
        using var channel = GrpcChannel.ForAddress(grpc, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
        var client = new LicensingGrpc.LicensingClient(channel);
        var credential = new Metadata { { ServiceCredential.MetadataKey, ServiceCredential.Sign("validation", Convert.FromBase64String(identitySecret), DateTimeOffset.UtcNow) } };
        Console.WriteLine($"{keys.Length} licenses; {callers} callers; {seconds} s after a {BenchClient.Warmup.TotalSeconds:0} s warm-up");

        Func<Task> call = () => client.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = keys[Random.Shared.Next(keys.Length)] }, credential).ResponseAsync;
        await BenchClient.RunPhaseAsync(call, callers, BenchClient.Warmup);
        Console.WriteLine("measuring");
        BenchClient.Report(await BenchClient.RunPhaseAsync(call, callers, TimeSpan.FromSeconds(seconds)));

        // Baseline in the same run: the license's row by its key straight from this process to Postgres, no service between
        // (a plainer query than Licensing's snapshot, which also reads the plan, the machines and the seats in use).
        Console.WriteLine("baseline: SELECT * FROM licenses WHERE key = $1 sent directly with Npgsql");
        await using var direct = new NpgsqlDataSourceBuilder(database) { ConnectionStringBuilder = { MaxAutoPrepare = 10 } }.Build();
        Func<Task> query = async () =>
        {
            await using var command = direct.CreateCommand("SELECT * FROM licenses WHERE key = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = keys[Random.Shared.Next(keys.Length)] });
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
        };
        await BenchClient.RunPhaseAsync(query, callers, BenchClient.Warmup);
        Console.WriteLine("measuring");
        BenchClient.Report(await BenchClient.RunPhaseAsync(query, callers, TimeSpan.FromSeconds(seconds)));
        // The script takes its CPU snapshot when it reads the figures: this process and its Postgres sessions must still be there.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return 0;
    }
}
