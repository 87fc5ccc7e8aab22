using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Keys;
using Platform.Licensing.Model;
using Platform.Protos.Licensing.V1;
using Grpc.Core;

namespace Platform.Licensing.Tests;

/// <summary>Activate and Deactivate over gRPC against a real database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ActivationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task FiftyParallelActivationsAgainstALimitOfFiveGiveExactlyFive()
    {
        await using var database = await Database.CreateAsync(postgres);
        var key = await CreateLicenseAsync(database, maxActivations: 5);
        await using var server = await GrpcTestServer.StartAsync(database.DataSource);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            try
            {
                await server.Licensing.ActivateAsync(new ActivateRequest { Key = key, Fingerprint = $"machine-{i}" });
                return "activated";
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
            {
                return ex.Trailers.GetValue("x-error-code");
            }
        }));

        Assert.Equal(5, outcomes.Count(o => o == "activated"));
        Assert.Equal(45, outcomes.Count(o => o == "ACTIVATION_LIMIT_REACHED"));
        Assert.Equal(5, await database.ScalarAsync<long>("SELECT count(*) FROM machines"));
        Assert.Equal(5, await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE type = 'license.activated'"));
    }

    [Fact]
    public async Task TheSameMachineTwiceIsOneActivationAndDeactivatingFreesTheSlot()
    {
        await using var database = await Database.CreateAsync(postgres);
        var key = await CreateLicenseAsync(database, maxActivations: 1);
        await using var server = await GrpcTestServer.StartAsync(database.DataSource);

        var first = await server.Licensing.ActivateAsync(new ActivateRequest { Key = key, Fingerprint = "laptop", Platform = "linux" });
        var again = await server.Licensing.ActivateAsync(new ActivateRequest { Key = key, Fingerprint = "laptop" });
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await server.Licensing.ActivateAsync(new ActivateRequest { Key = key, Fingerprint = "desktop" }));
        var freed = await server.Licensing.DeactivateAsync(new DeactivateRequest { Key = key, Fingerprint = "laptop" });
        var second = await server.Licensing.ActivateAsync(new ActivateRequest { Key = key, Fingerprint = "desktop" });

        Assert.True(first.NewlyActivated);
        Assert.Equal((false, first.MachineId, 1), (again.NewlyActivated, again.MachineId, again.Activations));
        Assert.Equal("ACTIVATION_LIMIT_REACHED", refused.Trailers.GetValue("x-error-code"));
        Assert.Equal(0, freed.Activations);
        Assert.True(second.NewlyActivated);
        Assert.Equal(first.License.Version + 2, second.License.Version);
    }

    [Fact]
    public async Task ASuspendedLicenseActivatesNothingAndUnknownKeysAreNotFound()
    {
        await using var database = await Database.CreateAsync(postgres);
        var key = await CreateLicenseAsync(database, maxActivations: null, suspend: true);
        await using var server = await GrpcTestServer.StartAsync(database.DataSource);

        var suspended = await Assert.ThrowsAsync<RpcException>(async () => await server.Licensing.ActivateAsync(new ActivateRequest { Key = key, Fingerprint = "x" }));
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await server.Licensing.ActivateAsync(new ActivateRequest { Key = LicenseKeyFormat.Generate(), Fingerprint = "x" }));
        var noFingerprint = await Assert.ThrowsAsync<RpcException>(async () => await server.Licensing.ActivateAsync(new ActivateRequest { Key = key }));
        var notActivated = await Assert.ThrowsAsync<RpcException>(async () => await server.Licensing.DeactivateAsync(new DeactivateRequest { Key = key, Fingerprint = "x" }));

        Assert.Equal("LICENSE_SUSPENDED", suspended.Trailers.GetValue("x-error-code"));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, noFingerprint.StatusCode);
        Assert.Equal(StatusCode.NotFound, notActivated.StatusCode);
    }

    private static async Task<string> CreateLicenseAsync(Database database, int? maxActivations, bool suspend = false) =>
        (await TestData.SeedLicenseAsync(database, license =>
        {
            license.MaxActivations = maxActivations;
            if (suspend)
            {
                license.Suspend(DateTimeOffset.UtcNow);
            }
        })).Key;
}
