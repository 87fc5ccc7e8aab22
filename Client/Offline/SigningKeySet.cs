namespace LicensePlatform.Client;

/// <summary>The platform's public keys for offline tokens (<c>GET /api/v1/keys</c>, a JWK set): the first signs now, the others signed earlier tokens.</summary>
/// <param name="Keys">The keys.</param>
public sealed record SigningKeySet(IReadOnlyList<SigningKey> Keys)
{
    /// <summary>The key with this id, if the set has it.</summary>
    public SigningKey? Find(string keyId) => Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
}

/// <summary>One Ed25519 public key as a JWK (RFC 8037).</summary>
/// <param name="Kty">Always <c>OKP</c>.</param>
/// <param name="Crv">Always <c>Ed25519</c>.</param>
/// <param name="Alg">Always <c>EdDSA</c>.</param>
/// <param name="Use">Always <c>sig</c>.</param>
/// <param name="Kid">The key id (its RFC 7638 thumbprint), named by each token's header.</param>
/// <param name="X">The 32-byte public key, base64url.</param>
/// <param name="Status"><c>active</c> (signing now) or <c>retired</c>.</param>
public sealed record SigningKey(string Kty, string Crv, string Alg, string Use, string Kid, string X, string? Status);
