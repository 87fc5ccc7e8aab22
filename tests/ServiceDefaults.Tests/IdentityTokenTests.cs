using System.Security.Cryptography;
using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults.Tests;

public sealed class IdentityTokenTests
{
    private static readonly byte[] Secret = SignedIdentities.Secret;
    private static readonly CallerIdentity Caller = SignedIdentities.Caller;

    [Fact]
    public void ASignedIdentityVerifies()
    {
        var now = DateTimeOffset.UtcNow;

        var verified = IdentityToken.Verify(IdentityToken.Sign(Caller, Secret, now), Secret, now);

        Assert.Equal(Caller.TenantId, verified!.TenantId);
        Assert.Equal(Caller.Scopes, verified.Scopes);
        Assert.Equal(("live", "key_1", "starter"), (verified.Environment, verified.KeyId, verified.Plan));
    }

    [Fact]
    public void AnotherSecretAnAlteredPayloadOrAnExpiredTokenIsRefused()
    {
        var now = DateTimeOffset.UtcNow;
        var token = IdentityToken.Sign(Caller, Secret, now);
        var parts = token.Split('.');
        var forged = IdentityToken.Sign(Caller with { TenantId = "ten_2" }, RandomNumberGenerator.GetBytes(32), now).Split('.');

        Assert.Null(IdentityToken.Verify(token, RandomNumberGenerator.GetBytes(32), now));
        Assert.Null(IdentityToken.Verify($"{parts[0]}.{forged[1]}.{parts[2]}", Secret, now));
        Assert.Null(IdentityToken.Verify(token, Secret, now.AddMinutes(6)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1")]
    [InlineData("v1.a.b.c")]
    [InlineData("v2.e30.AAAA")]
    [InlineData("v1.!!!.@@@")]
    public void MalformedTokensAreRefused(string? token) => Assert.Null(IdentityToken.Verify(token, Secret, DateTimeOffset.UtcNow));

    [Fact]
    public void ATokenLivingLongerThanFiveMinutesOrIssuedInTheFutureIsRefused()
    {
        var now = DateTimeOffset.UtcNow;
        var decades = SignedToken.Sign("v1", Caller, Secret, now, TimeSpan.FromDays(31 * 365));
        var future = SignedToken.Sign("v1", Caller, Secret, now.AddMinutes(2), TimeSpan.FromMinutes(1));
        var withinSkew = SignedToken.Sign("v1", Caller, Secret, now.AddSeconds(20), TimeSpan.FromMinutes(5));

        Assert.Null(IdentityToken.Verify(decades, Secret, now));
        Assert.Null(IdentityToken.Verify(decades, Secret, now.AddYears(30)));
        Assert.Null(IdentityToken.Verify(future, Secret, now));
        Assert.NotNull(IdentityToken.Verify(withinSkew, Secret, now));
    }

    [Fact]
    public void AServiceCredentialAndACallerIdentityNeverStandInForEachOther()
    {
        var now = DateTimeOffset.UtcNow;
        var service = ServiceCredential.Sign("billing", Secret, now);
        var identity = IdentityToken.Sign(Caller, Secret, now);

        Assert.Equal("billing", ServiceCredential.Verify(service, Secret, now, out _));
        Assert.Null(IdentityToken.Verify(service, Secret, now));
        Assert.Null(ServiceCredential.Verify(identity, Secret, now, out _));
        Assert.Null(ServiceCredential.Verify(service, RandomNumberGenerator.GetBytes(32), now, out _));
        Assert.Null(ServiceCredential.Verify(service, Secret, now.AddMinutes(6), out _));
    }
}
