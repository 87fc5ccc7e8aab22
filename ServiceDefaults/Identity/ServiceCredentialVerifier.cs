namespace Platform.ServiceDefaults.Identity;

/// <summary>Verifies the credentials services call each other with (<see cref="ServiceCredential"/>): the calling service's name.</summary>
public sealed class ServiceCredentialVerifier(IdentitySecret secret) : VerifiedTokenCache<string>
{
    protected override string? VerifyToken(string token, DateTimeOffset now, out long expires) =>
        ServiceCredential.Verify(token, secret.Value, now, out expires);
}
