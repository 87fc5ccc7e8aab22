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

    [Fact]
    public async Task ManyConcurrentCallsEachGetTheAnswerForTheirOwnKey()
    {
        await using var database = await Database.CreateAsync(postgres);
        var licenses = new List<License>();
        for (var i = 1; i <= 12; i++)
        {
            licenses.Add(await TestData.SeedLicenseAsync(database, l => l.MaxActivations = i));
        }

        var oldKey = "";
        var rotated = await TestData.SeedLicenseAsync(database, l =>
        {
            oldKey = l.Key;
            l.MaxActivations = 40;
            l.Rotate(LicenseKeyFormat.Generate(), DateTimeOffset.UtcNow.AddDays(7), DateTimeOffset.UtcNow);
        });
        await using var server = await GrpcTestServer.StartAsync(database.DataSource);

        // Far more calls at once than Licensing reads at once, so most wait for a batch (the batching itself is
        // CoalescedReadsTests'): every caller still gets its own license, the rotated one through its old key as well,
        // and a key nobody has NOT_FOUND.
        var asked = licenses.Select(l => (Key: l.Key, Id: (string?)l.Id, Max: l.MaxActivations))
            .Append((Key: oldKey, Id: rotated.Id, Max: rotated.MaxActivations)).Append((Key: rotated.Key, Id: rotated.Id, Max: rotated.MaxActivations))
            .Append((Key: LicenseKeyFormat.Generate(), Id: null, Max: null)).ToArray();
        var calls = Enumerable.Range(0, 8).SelectMany(_ => asked).Select(async a =>
        {
            try
            {
                var snapshot = await server.Licensing.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = a.Key });
                return (a, Answer: (snapshot.Key, (string?)snapshot.Id, snapshot.HasMaxActivations ? snapshot.MaxActivations : (int?)null), Status: StatusCode.OK);
            }
            catch (RpcException ex)
            {
                return (a, Answer: ("", null, null), ex.StatusCode);
            }
        });

        var answers = await Task.WhenAll(calls);

        Assert.Equal(asked.Length * 8, answers.Length);
        Assert.All(answers, r => Assert.Equal(
            r.a.Id is null ? ("", null, null, StatusCode.NotFound) : (r.a.Key, r.a.Id, r.a.Max, StatusCode.OK),
            (r.Answer.Item1, r.Answer.Item2, r.Answer.Item3, r.Status)));
        Assert.All(answers.Where(r => r.a.Key == oldKey), r => Assert.Equal(oldKey, r.Answer.Item1));
    }
}
