using Google.Protobuf.WellKnownTypes;
using Platform.Protos.Licensing.V1;
using Grpc.Core;

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

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => s.Licensing.CreateLicenseAsync(command).ResponseAsync));
        var changed = command.Clone();
        changed.CustomerEmail = "other@example.com";
        var reused = await Assert.ThrowsAsync<RpcException>(async () => await s.Licensing.CreateLicenseAsync(changed));

        Assert.Single(results.Select(r => r.Id).Distinct());
        Assert.Equal("cus_1", results[0].Metadata["stripe_customer"]);
        Assert.Equal(1, await s.Database.ScalarAsync<long>("SELECT count(*) FROM licenses"));
        Assert.Equal(1, await s.Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE type = 'license.created'"));
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", reused.Trailers.GetValue("x-error-code"));
    }

    [Fact]
    public async Task APlanChangeMovesTheLicenseToTheNewPlansTermsOnce()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var basic = (await s.CreatePlanAsync(new { name = "Basic", max_activations = 1 })).GetProperty("id").GetString()!;
        var pro = (await s.CreatePlanAsync(new { name = "Pro", max_activations = 5, features = new[] { "sync" } })).GetProperty("id").GetString()!;
        var id = (await s.CreateLicenseAsync(new { plan_id = basic })).GetProperty("id").GetString()!;
        var change = new ChangeLicensePlanCommand { IdempotencyKey = "evt_upgrade", TenantId = s.TenantId, Environment = "test", LicenseId = id, PlanId = pro };

        var changed = await s.Licensing.ChangeLicensePlanAsync(change);
        var replay = await s.Licensing.ChangeLicensePlanAsync(change);
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await s.Licensing.ChangeLicensePlanAsync(
            new ChangeLicensePlanCommand { IdempotencyKey = "evt_z", TenantId = s.TenantId, Environment = "test", LicenseId = id, PlanId = "plan_nope" }));

        Assert.Equal((pro, "Pro", 5, "sync"), (changed.PlanId, changed.PlanName, changed.MaxActivations, changed.Features.Single()));
        Assert.Equal(changed.Version, replay.Version);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(1, await s.Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE type = 'license.updated'"));
    }

    [Fact]
    public async Task SuspendAndRenewApplyOnceAndOtherTenantsLicensesAreNotFound()
    {
        await using var s = await Scenario.StartAsync(postgres);
        var id = (await s.CreateLicenseAsync(new { expires_at = DateTimeOffset.UtcNow.AddDays(3) })).GetProperty("id").GetString();
        var suspend = new LicenseCommand { IdempotencyKey = "evt_fail", TenantId = s.TenantId, Environment = "test", LicenseId = id };

        var suspended = await s.Licensing.SuspendLicenseAsync(suspend);
        var replay = await s.Licensing.SuspendLicenseAsync(suspend);
        var periodEnd = DateTimeOffset.UtcNow.AddDays(33);
        var renewWhileSuspended = await Assert.ThrowsAsync<RpcException>(async () => await s.Licensing.RenewLicenseAsync(
            new RenewLicenseCommand { IdempotencyKey = "evt_paid_early", TenantId = s.TenantId, Environment = "test", LicenseId = id, ExpiresAt = Timestamp.FromDateTimeOffset(periodEnd) }));
        var wrongTenant = await Assert.ThrowsAsync<RpcException>(async () => await s.Licensing.RevokeLicenseAsync(
            new LicenseCommand { IdempotencyKey = "evt_x", TenantId = "ten_other", Environment = "test", LicenseId = id }));
        var wrongEnvironment = await Assert.ThrowsAsync<RpcException>(async () => await s.Licensing.RevokeLicenseAsync(
            new LicenseCommand { IdempotencyKey = "evt_y", TenantId = s.TenantId, Environment = "live", LicenseId = id }));
        var noKey = await Assert.ThrowsAsync<RpcException>(async () => await s.Licensing.RevokeLicenseAsync(
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
