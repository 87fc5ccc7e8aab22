using System.Text;
using LicensePlatform.Client;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace Platform.Client.Net8.Tests;

/// <summary>The offline token check of the client's net8.0 build (BouncyCastle), with a token signed as the platform signs them.</summary>
public sealed class OfflineTokenOnNet8Tests
{
    [Fact]
    public void ThisIsTheNet8BuildOfTheClient()
    {
        var framework = typeof(LicenseClient).Assembly.GetCustomAttributes(typeof(System.Runtime.Versioning.TargetFrameworkAttribute), false)
            .Cast<System.Runtime.Versioning.TargetFrameworkAttribute>().Single().FrameworkName;

        Assert.Equal(".NETCoreApp,Version=v8.0", framework);
    }

    [Fact]
    public void ASignedTokenVerifiesAndATamperedOrForeignOneDoesNot()
    {
        var (token, keys) = Sign("""{"v":1,"licenseId":"lic_1","productId":"prod_1","plan":null,"features":["a"],"machine":"m","domain":null,"expiresAt":null,"issuedAt":"2026-12-07T10:00:00Z","offlineUntil":"2026-12-09T10:00:00Z"}""");
        var (other, _) = Sign("""{"v":1,"licenseId":"lic_1","productId":"prod_1","plan":null,"features":["a"],"machine":"m","domain":null,"expiresAt":null,"issuedAt":"2026-12-07T10:00:00Z","offlineUntil":"2099-12-09T10:00:00Z"}""");
        var parts = token.Split('.');
        var tampered = string.Join('.', parts[0], other.Split('.')[1], parts[2]);

        Assert.True(OfflineTokenVerifier.TryVerify(token, keys, out var claims));
        Assert.Equal(("lic_1", "m", new DateTimeOffset(2026, 12, 9, 10, 0, 0, TimeSpan.Zero)), (claims.LicenseId, claims.Machine, claims.OfflineUntil));
        Assert.False(OfflineTokenVerifier.TryVerify(tampered, keys, out _));
        Assert.False(OfflineTokenVerifier.TryVerify(other, keys, out _));
    }

    private static (string Token, SigningKeySet Keys) Sign(string payload)
    {
        var privateKey = new Ed25519PrivateKeyParameters(new SecureRandom());
        var header = Base64Url(Encoding.UTF8.GetBytes("""{"alg":"EdDSA","typ":"license+jws","kid":"k1"}"""));
        var input = Encoding.ASCII.GetBytes(header + "." + Base64Url(Encoding.UTF8.GetBytes(payload)));
        var signer = new Ed25519Signer();
        signer.Init(true, privateKey);
        signer.BlockUpdate(input, 0, input.Length);
        var token = Encoding.ASCII.GetString(input) + "." + Base64Url(signer.GenerateSignature());
        var publicKey = Base64Url(privateKey.GeneratePublicKey().GetEncoded());
        return (token, new SigningKeySet([new SigningKey("OKP", "Ed25519", "EdDSA", "sig", "k1", publicKey, "active")]));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
