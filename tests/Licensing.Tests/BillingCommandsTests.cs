using Google.Protobuf.WellKnownTypes;
using Platform.Protos.Licensing.V1;
using Platform.ServiceDefaults.Grpc;
using static Platform.Licensing.Tests.LicensingMethods;

namespace Platform.Licensing.Tests;

/// <summary>The commands Billing sends: each takes effect once per idempotency key.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BillingCommandsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task CreatingTwiceWithOneKeyMakesOneLicenseAndAnotherRequestWithThatKeyIsRefused()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var command = new CreateLicenseCommand
        {
            IdempotencyKey = "evt_1", TenantId = s.TenantId, Environment = "test", ProductId = s.ProductId, CustomerEmail = "Buyer@Example.com",
            ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)),
        };
        command.Metadata["stripe_customer"] = "cus_1";

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => s.Invoker.UnaryAsync(CreateLicense, command).ResponseAsync));
        var changed = command.Clone();
        changed.CustomerEmail = "other@example.com";
        var reused = await Assert.ThrowsAsync<RpcException>(async () => await s.Invoker.UnaryAsync(CreateLicense, changed));

        Assert.Single(results.Select(r => r.Id).Distinct());
        Assert.Equal("cus_1", results[0].Metadata["stripe_customer"]);
        Assert.Equal(1, await s.Database.ScalarAsync<long>("SELECT count(*) FROM licenses"));
        Assert.Equal(1, await s.Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE type = 'license.created'"));
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", reused.Trailers.GetValue("x-error-code"));
    }

    [Fact]
    public async Task SuspendAndRenewApplyOnceAndOtherTenantsLicensesAreNotFound()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var id = (await s.CreateLicenseAsync(new { expires_at = DateTimeOffset.UtcNow.AddDays(3) })).GetProperty("id").GetString();
        var suspend = new LicenseCommand { IdempotencyKey = "evt_fail", TenantId = s.TenantId, Environment = "test", LicenseId = id };

        var suspended = await s.Invoker.UnaryAsync(SuspendLicense, suspend);
        var replay = await s.Invoker.UnaryAsync(SuspendLicense, suspend);
        var periodEnd = DateTimeOffset.UtcNow.AddDays(33);
        var renewWhileSuspended = await Assert.ThrowsAsync<RpcException>(async () => await s.Invoker.UnaryAsync(RenewLicense,
            new RenewLicenseCommand { IdempotencyKey = "evt_paid_early", TenantId = s.TenantId, Environment = "test", LicenseId = id, ExpiresAt = Timestamp.FromDateTimeOffset(periodEnd) }));
        var wrongTenant = await Assert.ThrowsAsync<RpcException>(async () => await s.Invoker.UnaryAsync(RevokeLicense,
            new LicenseCommand { IdempotencyKey = "evt_x", TenantId = "ten_other", Environment = "test", LicenseId = id }));
        var wrongEnvironment = await Assert.ThrowsAsync<RpcException>(async () => await s.Invoker.UnaryAsync(RevokeLicense,
            new LicenseCommand { IdempotencyKey = "evt_y", TenantId = s.TenantId, Environment = "live", LicenseId = id }));
        var noKey = await Assert.ThrowsAsync<RpcException>(async () => await s.Invoker.UnaryAsync(RevokeLicense,
            new LicenseCommand { TenantId = s.TenantId, Environment = "test", LicenseId = id }));

        Assert.Equal("suspended", suspended.Status);
        Assert.Equal(suspended.Version, replay.Version);
        Assert.Equal("LICENSE_STATE_CONFLICT", renewWhileSuspended.Trailers.GetValue("x-error-code"));
        Assert.Equal(StatusCode.NotFound, wrongTenant.StatusCode);
        Assert.Equal(StatusCode.NotFound, wrongEnvironment.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, noKey.StatusCode);
        Assert.Equal(1, await s.Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE type = 'license.suspended'"));
    }
}
