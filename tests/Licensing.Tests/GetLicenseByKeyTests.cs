using Platform.Contracts.Keys;
using Platform.Licensing.Model;
using Platform.Protos.Licensing.V1;
using Grpc.Core;

namespace Platform.Licensing.Tests;

[Collection(PostgresCollection.Name)]
public sealed class GetLicenseByKeyTests(PostgresFixture postgres)
{
    [Fact]
    public async Task TheSnapshotCarriesWhatValidationNeedsWithTheVersion()
    {
        await using var database = await Database.CreateAsync(postgres);
        var license = await TestData.SeedLicenseAsync(database, l =>
        {
            l.MaxActivations = 3;
            l.Features = ["export"];
            l.Domains = ["example.com"];
            l.ExpiresAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
            l.Suspend(DateTimeOffset.UtcNow);
        });
        await using var server = await GrpcTestServer.StartAsync(database.DataSource);

        // Read as a user might type it: lower case, without dashes.
        var snapshot = await server.Licensing.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = license.Key.Replace("-", "", StringComparison.Ordinal).Insert(2, "-").ToLowerInvariant() });

        Assert.Equal((license.Id, license.Key, "suspended", "perpetual", "test"), (snapshot.Id, snapshot.Key, snapshot.Status, snapshot.Type, snapshot.Environment));
        Assert.Equal(2, snapshot.Version);
        Assert.True(snapshot.HasMaxActivations);
        Assert.Equal(3, snapshot.MaxActivations);
        Assert.False(snapshot.HasMaxDomains);
        Assert.Equal(["export"], snapshot.Features);
        Assert.Equal(["example.com"], snapshot.Domains);
        Assert.Equal(license.ExpiresAt, snapshot.ExpiresAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task AWellFormedKeyNobodyHasIsNotFoundAndAMistypedOneIsInvalid()
    {
        await using var database = await Database.CreateAsync(postgres);
        var license = await TestData.SeedLicenseAsync(database);
        await using var server = await GrpcTestServer.StartAsync(database.DataSource);
        var typo = license.Key[..^1] + (license.Key[^1] == 'A' ? 'B' : 'A');

        var missing = await Assert.ThrowsAsync<RpcException>(async () => await server.Licensing.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = LicenseKeyFormat.Generate() }));
        var invalid = await Assert.ThrowsAsync<RpcException>(async () => await server.Licensing.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = typo }));

        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
    }
}
