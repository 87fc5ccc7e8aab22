using System.Net;
using LicensePlatform.Client.Management;

namespace Platform.Client.Tests;

/// <summary>A license's life through the management client: suspend, reinstate, revoke, renew, rotate, and its usage.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ManagementLifecycleTests(PlatformFixture platform) : IDisposable
{
    private readonly TempFolder cache = new();

    [Fact]
    public async Task Suspend_reinstate_and_revoke_move_the_status_and_a_move_it_does_not_allow_is_a_conflict()
    {
        using var client = platform.ManagementClient(cache);
        var product = await client.NewProductAsync("Lifecycle");
        var license = await client.NewLicenseAsync(product.Id);

        Assert.Equal(LicenseStatus.Suspended, (await client.Licenses.SuspendAsync(license.Id)).Status);
        Assert.Equal(LicenseStatus.Suspended, (await client.Licenses.SuspendAsync(license.Id)).Status);
        Assert.Equal(license.Id, Assert.Single((await client.Licenses.ListAsync(new LicenseListQuery
        {
            ProductId = product.Id, Status = LicenseStatus.Suspended,
        })).Data).Id);
        var suspendedRenewal = await Assert.ThrowsAsync<LicenseApiException>(() => client.Licenses.RenewAsync(license.Id, DateTimeOffset.UtcNow.AddDays(5)));
        Assert.Equal(ErrorCodes.Conflict, suspendedRenewal.Code);

        Assert.Equal(LicenseStatus.Active, (await client.Licenses.ReinstateAsync(license.Id)).Status);
        var revoked = await client.Licenses.RevokeAsync(license.Id);
        Assert.Equal(LicenseStatus.Revoked, revoked.Status);
        Assert.Equal(LicenseStatus.Revoked, (await client.Licenses.GetAsync(license.Id)).Status);
        Assert.Equal(LicenseStatus.Revoked, (await client.Licenses.RevokeAsync(license.Id)).Status);

        var renewal = await Assert.ThrowsAsync<LicenseApiException>(() => client.Licenses.RenewAsync(license.Id, DateTimeOffset.UtcNow.AddDays(30)));
        Assert.Equal((HttpStatusCode.Conflict, ErrorCodes.Conflict), (renewal.StatusCode, renewal.Code));
        var reinstatement = await Assert.ThrowsAsync<LicenseApiException>(() => client.Licenses.ReinstateAsync(license.Id));
        Assert.Equal(ErrorCodes.Conflict, reinstatement.Code);
        var rotation = await Assert.ThrowsAsync<LicenseApiException>(() => client.Licenses.RotateAsync(license.Id, 1));
        Assert.Equal(ErrorCodes.Conflict, rotation.Code);
    }

    [Fact]
    public async Task Renewing_sets_the_expiry_given_or_extends_by_the_plans_duration()
    {
        using var client = platform.ManagementClient(cache);
        var product = await client.NewProductAsync("Renew");
        var plan = await client.Plans.CreatePlanAsync(product.Id);
        var license = await client.Licenses.CreateAsync(new CreateLicenseRequest { ProductId = product.Id, PlanId = plan.Id });
        ManagementTestData.Near(DateTimeOffset.UtcNow.AddDays(30), license.ExpiresAt);

        var extended = await client.Licenses.RenewAsync(license.Id);
        ManagementTestData.Near(license.ExpiresAt!.Value.AddDays(30), extended.ExpiresAt);

        var until = DateTimeOffset.UtcNow.AddDays(400);
        var renewed = await client.Licenses.RenewAsync(license.Id, until);
        ManagementTestData.Near(until, renewed.ExpiresAt);
        Assert.Equal(LicenseStatus.Active, renewed.Status);

        // The same Idempotency-Key again extends nothing more.
        var key = $"renew-{Guid.NewGuid():N}";
        var once = await client.Licenses.RenewAsync(license.Id, idempotencyKey: key);
        var twice = await client.Licenses.RenewAsync(license.Id, idempotencyKey: key);
        Assert.Equal(once.ExpiresAt, twice.ExpiresAt);
        Assert.Equal(once.ExpiresAt, (await client.Licenses.GetAsync(license.Id)).ExpiresAt);

        var withoutDuration = await client.NewLicenseAsync(product.Id);
        var refused = await Assert.ThrowsAsync<LicenseApiException>(() => client.Licenses.RenewAsync(withoutDuration.Id));
        Assert.Equal(ErrorCodes.Conflict, refused.Code);
    }

    [Fact]
    public async Task Rotating_gives_a_new_key_that_validates_while_the_old_one_has_its_grace()
    {
        using var client = platform.ManagementClient(cache);
        using var runtime = platform.RuntimeClient(cache, o => o.CacheDuration = TimeSpan.Zero);
        var product = await client.NewProductAsync("Rotate");
        var license = await client.NewLicenseAsync(product.Id);

        var rotated = await client.Licenses.RotateAsync(license.Id, gracePeriodDays: 7);
        Assert.Equal(license.Id, rotated.LicenseId);
        Assert.NotEqual(license.Key, rotated.NewKey);
        ManagementTestData.Near(DateTimeOffset.UtcNow.AddDays(7), rotated.PreviousKeyValidUntil);

        var after = await client.Licenses.GetAsync(license.Id);
        Assert.Equal(rotated.NewKey, after.Key);
        ManagementTestData.Near(rotated.PreviousKeyValidUntil, after.PreviousKeyValidUntil);
        Assert.True((await runtime.ValidateAsync(rotated.NewKey)).Valid);
        Assert.True((await runtime.ValidateAsync(license.Key)).Valid);

        var immediate = await client.Licenses.RotateAsync(license.Id);
        ManagementTestData.Near(DateTimeOffset.UtcNow, immediate.PreviousKeyValidUntil);
        // Validation drops its cached snapshot on the license's event, a moment later.
        var old = await runtime.ValidateAsync(rotated.NewKey);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); old.Valid && DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            old = await runtime.ValidateAsync(rotated.NewKey);
        }

        Assert.Equal((false, ErrorCodes.KeyRotated), (old.Valid, old.Code));

        var badGrace = await Assert.ThrowsAsync<LicenseApiException>(() => client.Licenses.RotateAsync(license.Id, 366));
        Assert.Equal(ErrorCodes.ValidationError, badGrace.Code);
    }

    [Fact]
    public async Task Usage_counts_the_validations_per_day()
    {
        using var client = platform.ManagementClient(cache);
        using var runtime = platform.RuntimeClient(cache, o => o.CacheDuration = TimeSpan.Zero);
        var product = await client.NewProductAsync("Usage");
        var license = await client.NewLicenseAsync(product.Id);
        Assert.Equal(0, (await client.Licenses.GetUsageAsync(license.Id)).ValidationCount);

        Assert.True((await runtime.ValidateAsync(license.Key)).Valid);
        Assert.True((await runtime.ValidateAsync(license.Key)).Valid);

        // Validation reports usage about once a second.
        var usage = await client.Licenses.GetUsageAsync(license.Id, days: 7);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); usage.ValidationCount < 2 && DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            usage = await client.Licenses.GetUsageAsync(license.Id, days: 7);
        }

        Assert.Equal((license.Id, 2L), (usage.LicenseId, usage.ValidationCount));
        ManagementTestData.Near(DateTimeOffset.UtcNow, usage.LastValidatedAt);
        var today = Assert.Single(usage.Daily);
        Assert.Equal((DateOnly.FromDateTime(DateTime.UtcNow), 2L, 0L), (today.Date, today.Validations, today.Failures));
        Assert.Equal(2, usage.Recent.Where(r => r.Result == "valid").Sum(r => r.Count));

        var refused = await Assert.ThrowsAsync<LicenseApiException>(() => client.Licenses.GetUsageAsync(license.Id, days: 0));
        Assert.Equal(ErrorCodes.ValidationError, refused.Code);
    }

    public void Dispose() => cache.Dispose();
}
