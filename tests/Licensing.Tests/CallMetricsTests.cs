using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Platform.Contracts.Keys;
using Platform.Protos.Licensing.V1;
using LicensingGrpc = Platform.Protos.Licensing.V1.Licensing;

namespace Platform.Licensing.Tests;

/// <summary><c>licensing.grpc.calls</c> counts every call by method and status, refused ones included.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CallMetricsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task EveryCallIsCountedByMethodAndStatus()
    {
        await using var database = await Database.CreateAsync(postgres);
        var license = await TestData.SeedLicenseAsync(database);
        await using var server = await GrpcTestServer.StartAsync(database.DataSource);
        using var calls = new MetricCollector<long>(server.Services.GetRequiredService<IMeterFactory>(), "Platform.Licensing", "licensing.grpc.calls");
        using var anonymous = GrpcChannel.ForAddress(server.Address);

        await server.Licensing.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = license.Key });
        await Assert.ThrowsAsync<RpcException>(async () => await server.Licensing.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = LicenseKeyFormat.Generate() }));
        await Assert.ThrowsAsync<RpcException>(async () => await new LicensingGrpc.LicensingClient(anonymous).GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = license.Key }));

        var counted = calls.GetMeasurementSnapshot()
            .Select(m => ((string?)m.Tags["rpc.method"], (string?)m.Tags["rpc.grpc.status_code"], m.Value))
            .Order()
            .ToList();
        Assert.Equal([("GetLicenseByKey", "NotFound", 1L), ("GetLicenseByKey", "OK", 1L), ("GetLicenseByKey", "Unauthenticated", 1L)], counted);
    }
}
