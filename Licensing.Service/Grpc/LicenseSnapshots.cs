using Google.Protobuf.WellKnownTypes;
using Platform.Licensing.Model;
using Platform.Protos.Licensing.V1;

namespace Platform.Licensing.Grpc;

/// <summary>What Validation caches of a license: everything it needs to answer without asking again, and the version that orders changes.</summary>
internal static class LicenseSnapshots
{
    public static LicenseSnapshot Of(License license)
    {
        var snapshot = new LicenseSnapshot
        {
            Id = license.Id,
            TenantId = license.TenantId,
            Environment = license.Environment.ToString().ToLowerInvariant(),
            Key = license.Key,
            Status = license.Status.ToString().ToLowerInvariant(),
            Type = license.Type.ToString().ToLowerInvariant(),
            ProductId = license.ProductId,
            Version = license.Version,
        };
        snapshot.Features.Add(license.Features);
        snapshot.Domains.Add(license.Domains);
        if (license.ExpiresAt is { } expiresAt)
        {
            snapshot.ExpiresAt = Timestamp.FromDateTimeOffset(expiresAt);
        }

        if (license.MaxActivations is { } maxActivations)
        {
            snapshot.MaxActivations = maxActivations;
        }

        if (license.MaxDomains is { } maxDomains)
        {
            snapshot.MaxDomains = maxDomains;
        }

        return snapshot;
    }
}
