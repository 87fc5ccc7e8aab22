using System.Text.Json;
using Google.Protobuf;
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
        // Read off the wire, as from Licensing: each message has its own strings (literals would be one instance already).
        var wire = Snapshot().ToByteArray();
        var (a, b) = (LicenseSnapshot.Parser.ParseFrom(wire), LicenseSnapshot.Parser.ParseFrom(wire));
        Assert.NotSame(a.TenantId, b.TenantId);

        var (first, second) = (new CachedLicense(a, 0, 0), new CachedLicense(b, 0, 0));

        Assert.Same(first.TenantId, second.TenantId);
        Assert.Same(first.Environment, second.Environment);
        Assert.Same(first.Status, second.Status);
        Assert.Same(first.ProductId, second.ProductId);
        Assert.Same(first.View.Features[0], second.View.Features[0]);
        Assert.NotSame(first.LicenseId, second.LicenseId);
    }

    [Fact]
    public void TheAnswersJsonShowsTheLicenseWithoutMetadataAsAnEmptyObject()
    {
        using var json = JsonDocument.Parse(new CachedLicense(Snapshot(), 0, 0).ViewJson);
        var view = json.RootElement;

        Assert.Equal("lic_1", view.GetProperty("id").GetString());
        Assert.Equal(["export", "sync"], view.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["Example.COM.", "example.com", "shop.example"], view.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("plan").ValueKind);
        Assert.Equal(JsonValueKind.Object, view.GetProperty("metadata").ValueKind);
        Assert.Empty(view.GetProperty("metadata").EnumerateObject());
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
