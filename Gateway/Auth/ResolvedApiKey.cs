using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Auth;

/// <summary>A key Licensing vouched for, with its identity signed for the upstreams (re-signed well before the signature expires).</summary>
internal sealed class ResolvedApiKey(CallerIdentity identity, byte[] secret, TimeProvider time)
{
    private static readonly TimeSpan ResignAfter = TimeSpan.FromMinutes(1);
    private (string Token, DateTimeOffset SignedAt) signed = (IdentityToken.Sign(identity, secret, time.GetUtcNow()), time.GetUtcNow());

    public CallerIdentity Identity => identity;

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
