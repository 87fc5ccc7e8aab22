namespace LicensePlatform.Client;

/// <summary>Ed25519 verification: NSec (libsodium) where it runs, BouncyCastle on .NET 8, which NSec no longer supports.</summary>
internal static class Ed25519Signature
{
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;

    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize)
        {
            return false;
        }

#if NET9_0_OR_GREATER
        var algorithm = NSec.Cryptography.SignatureAlgorithm.Ed25519;
        return NSec.Cryptography.PublicKey.TryImport(algorithm, publicKey, NSec.Cryptography.KeyBlobFormat.RawPublicKey, out var key)
            && algorithm.Verify(key!, data, signature);
#else
        var verifier = new Org.BouncyCastle.Crypto.Signers.Ed25519Signer();
        verifier.Init(false, new Org.BouncyCastle.Crypto.Parameters.Ed25519PublicKeyParameters(publicKey));
        verifier.BlockUpdate(data);
        return verifier.VerifySignature(signature.ToArray());
#endif
    }
}
