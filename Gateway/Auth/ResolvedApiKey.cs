using Platform.Gateway.RateLimiting;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Auth;

/// <summary>A key Licensing vouched for, with its identity signed for the upstreams (re-signed well before the signature expires).</summary>
internal sealed class ResolvedApiKey(CallerIdentity identity, byte[] secret, TimeProvider time)
{
    private static readonly TimeSpan ResignAfter = TimeSpan.FromMinutes(1);
    private (string Token, DateTimeOffset SignedAt) signed = (IdentityToken.Sign(identity, secret, time.GetUtcNow()), time.GetUtcNow());

    public CallerIdentity Identity => identity;

    /// <summary>What the key's requests count against (worked out once: the same for every request of the key).</summary>
    public RatePartition PartitionUnder(RateLimitOptions limits) =>
        partition ??= new RatePartition($"key:{identity.KeyId}", limits.ForPlan(identity.Plan));

    private RatePartition? partition;

    public string SignedIdentity
    {
        get
        {
            var current = signed;
            var now = time.GetUtcNow();
            if (now - current.SignedAt < ResignAfter)
            {
                return current.Token;
            }

            current = (IdentityToken.Sign(identity, secret, now), now);
            signed = current;
            return current.Token;
        }
    }
}
