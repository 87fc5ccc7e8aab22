using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Platform.Validation.Tokens;

/// <summary>
/// An Ed25519 signing key from its 32-byte seed. Its id is the RFC 7638 JWK thumbprint of the public key
/// (base64url SHA-256 of <c>{"crv":"Ed25519","kty":"OKP","x":"…"}</c>), so it needs no configuration of its own.
/// </summary>
internal sealed class SigningKey
{
    public const int SeedSize = 32;

    private readonly Ed25519PrivateKeyParameters privateKey;

    public SigningKey(byte[] seed)
    {
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException($"An Ed25519 seed is {SeedSize} bytes.", nameof(seed));
        }

        privateKey = new Ed25519PrivateKeyParameters(seed, 0);
        PublicKey = privateKey.GeneratePublicKey().GetEncoded();
        X = WebEncoders.Base64UrlEncode(PublicKey);
        Id = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"crv":"Ed25519","kty":"OKP","x":"{{X}}"}""")));
    }

    public string Id { get; }

    /// <summary>The raw 32-byte public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>The public key, base64url (the JWK's <c>x</c>).</summary>
    public string X { get; }

    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        // Signers keep state between calls: one per signature, they are cheap.
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, privateKey);
        var buffer = data.ToArray();
        signer.BlockUpdate(buffer, 0, buffer.Length);
        return signer.GenerateSignature();
    }

    public bool Verify(ReadOnlySpan<byte> data, byte[] signature)
    {
        var verifier = new Ed25519Signer();
        verifier.Init(forSigning: false, new Ed25519PublicKeyParameters(PublicKey, 0));
        var buffer = data.ToArray();
        verifier.BlockUpdate(buffer, 0, buffer.Length);
        return verifier.VerifySignature(signature);
    }
}
