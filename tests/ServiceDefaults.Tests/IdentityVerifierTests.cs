using System.Security.Cryptography;
using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults.Tests;

public sealed class IdentityVerifierTests
{
    private static readonly byte[] Secret = SignedIdentities.Secret;
    private static readonly CallerIdentity Caller = SignedIdentities.Caller;

    [Fact]
    public void AVerifiedTokenIsRememberedAndAnsweredFromMemory()
    {
        var (verifier, now, token) = Start();

        var first = verifier.Verify(token, now);
        var second = verifier.Verify(new string(token.AsSpan()), now.AddSeconds(1));

        Assert.Equal(Caller.TenantId, first!.TenantId);
        Assert.Same(first, second);
        Assert.Equal(1, verifier.Count);
    }

    [Fact]
    public void ARefusedTokenIsNeitherAnsweredNorRemembered()
    {
        var (verifier, now, token) = Start();
        var otherSecret = IdentityToken.Sign(Caller with { TenantId = "ten_2" }, RandomNumberGenerator.GetBytes(32), now);
        var parts = token.Split('.');
        var alteredPayload = $"{parts[0]}.{otherSecret.Split('.')[1]}.{parts[2]}";
        var alteredSignature = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        Assert.NotNull(verifier.Verify(token, now));
        Assert.Null(verifier.Verify(otherSecret, now));
        Assert.Null(verifier.Verify(alteredPayload, now));
        Assert.Null(verifier.Verify(alteredSignature, now));
        Assert.Null(verifier.Verify(null, now));
        Assert.Null(verifier.Verify(otherSecret, now));
        Assert.Equal(1, verifier.Count);
    }

    [Fact]
    public void ARememberedTokenIsRefusedOnceItExpiresAndForgotten()
    {
        var (verifier, now, token) = Start();
        Assert.NotNull(verifier.Verify(token, now));

        Assert.NotNull(verifier.Verify(token, now.AddMinutes(4)));
        Assert.Null(verifier.Verify(token, now.AddMinutes(6)));
        Assert.Equal(0, verifier.Count);
    }

    [Fact]
    public void AtMostMaxEntriesAreHeldAndExpiredOnesMakeRoom()
    {
        var verifier = new IdentityVerifier(new IdentitySecret(Secret));
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < IdentityVerifier.MaxEntries; i++)
        {
            Assert.NotNull(verifier.Verify(IdentityToken.Sign(Caller with { KeyId = $"key_{i}" }, Secret, start), start));
        }

        // Full: one more still verifies, but is not remembered.
        var extra = IdentityToken.Sign(Caller with { KeyId = "key_extra" }, Secret, start);
        Assert.Equal("key_extra", verifier.Verify(extra, start)!.KeyId);
        Assert.Equal(IdentityVerifier.MaxEntries, verifier.Count);

        // Six minutes on, every remembered token has expired: the next new one sweeps them out and takes a place.
        var later = start.AddMinutes(6);
        Assert.NotNull(verifier.Verify(IdentityToken.Sign(Caller, Secret, later), later));
        Assert.Equal(1, verifier.Count);
    }

    /// <summary>A new verifier, the time, and a token signed then.</summary>
    private static (IdentityVerifier Verifier, DateTimeOffset Now, string Token) Start()
    {
        var now = DateTimeOffset.UtcNow;
        return (new IdentityVerifier(new IdentitySecret(Secret)), now, IdentityToken.Sign(Caller, Secret, now));
    }
}
