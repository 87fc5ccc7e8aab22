namespace Platform.ServiceDefaults.Identity;

/// <summary>Verifies the Gateway-signed caller identities (<see cref="IdentityToken"/>) with the shared secret.</summary>
public sealed class IdentityVerifier(IdentitySecret secret) : VerifiedTokenCache<CallerIdentity>
{
    protected override CallerIdentity? VerifyToken(string token, DateTimeOffset now, out long expires) =>
        IdentityToken.Verify(token, secret.Value, now, out expires);
}
