using Google.Protobuf.WellKnownTypes;
using Platform.Protos.Licensing.V1;
using Platform.Validation.Cache;

namespace Platform.Validation.Tests;

/// <summary>A cache entry keeps what the checks need from a snapshot, without the snapshot.</summary>
public sealed class CachedLicenseTests
{
    [Fact]
    public void AnEntryAnswersTheChecksQuestionsAsItsSnapshotDoes()
    {
        var license = new CachedLicense(Snapshot(), 0, 0);

        Assert.Equal(("lic_1", "ten_1", "live", "active", "prod_1", "restrict"),
            (license.LicenseId, license.TenantId, license.Environment, license.Status, license.ProductId, license.ExpiryBehavior));
        Assert.Equal((true, false, 3, 600, 7L), (license.RequiresActivation, license.DomainsFixed, license.MaxDomains, license.OfflineGraceSeconds, license.Version));
        Assert.Equal(new DateTimeOffset(2027, 1, 2, 3, 4, 5, TimeSpan.Zero), license.ExpiresAt);
        Assert.True(license.Features.Contains("export"));
        Assert.False(license.Features.Contains("Export"));
        Assert.True(license.Machines.Contains("fp-2"));
        Assert.False(license.Machines.Contains("fp-3"));
        // Domains are normalized once, and a duplicate after normalizing counts once against max_domains.
        Assert.True(license.Domains.Contains("example.com"));
        Assert.Equal(2, license.Domains.Count);
    }

    [Fact]
    public void StringsManyLicensesShareAreOneInstance()
    {
        var first = new CachedLicense(Snapshot(), 0, 0);
        var second = new CachedLicense(Snapshot(), 0, 0);

        Assert.Same(first.TenantId, second.TenantId);
        Assert.Same(first.ProductId, second.ProductId);
        Assert.Same(first.View.Features[0], second.View.Features[0]);
    }

    [Fact]
    public void AnEntryIsFromTheSameSnapshotAndNotFromAChangedOne()
    {
        var license = new CachedLicense(Snapshot(), 0, 0);

        Assert.True(license.IsFrom(Snapshot()));
        var activated = Snapshot();
        activated.Activations++;
        Assert.False(license.IsFrom(activated));
        var relabelled = Snapshot();
        relabelled.Metadata["tier"] = "gold";
        Assert.False(license.IsFrom(relabelled));
    }

    private static LicenseSnapshot Snapshot()
    {
        var snapshot = new LicenseSnapshot
        {
            Id = "lic_1",
            TenantId = "ten_1",
            Environment = "live",
            Key = "TO-2V8G-2Q3Y-PY88-5RVG-9YT9",
            Status = "active",
            Type = "subscription",
            ProductId = "prod_1",
            ExpiryBehavior = "restrict",
            RequiresActivation = true,
            MaxDomains = 3,
            OfflineGraceSeconds = 600,
            Activations = 2,
            Version = 7,
            ExpiresAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2027, 1, 2, 3, 4, 5, TimeSpan.Zero)),
        };
        snapshot.Features.Add(["export", "sync"]);
        snapshot.MachineFingerprints.Add(["fp-1", "fp-2"]);
        snapshot.Domains.Add(["Example.COM.", "example.com", "shop.example"]);
        return snapshot;
    }
}
