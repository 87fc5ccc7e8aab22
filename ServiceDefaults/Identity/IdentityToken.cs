namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// The signed form of a <see cref="CallerIdentity"/> between the Gateway and the services (a <see cref="SignedToken"/> of
/// kind <c>v1</c>), in the <see cref="HeaderName"/> header of REST calls and the same metadata entry of gRPC calls. The
/// secret is shared by the Gateway and the services only (the AppHost generates it); a forged, altered or expired token,
/// or one whose lifetime is longer than five minutes, is refused.
/// </summary>
public static class IdentityToken
{
    public const string HeaderName = "X-Platform-Identity";

    /// <summary>The gRPC metadata key (gRPC keys are lower case).</summary>
    public const string MetadataKey = "x-platform-identity";

    private const string Kind = "v1";

    public static string Sign(CallerIdentity identity, byte[] secret, DateTimeOffset now) =>
        SignedToken.Sign(Kind, identity, secret, now, SignedToken.MaxLifetime);

    public static CallerIdentity? Verify(string? token, byte[] secret, DateTimeOffset now) => Verify(token, secret, now, out _);

    /// <summary>As <see cref="Verify(string?, byte[], DateTimeOffset)"/>, also giving the token's expiry (unix seconds; 0 when refused).</summary>
    public static CallerIdentity? Verify(string? token, byte[] secret, DateTimeOffset now, out long expires) =>
        SignedToken.Verify<CallerIdentity>(Kind, token, secret, now, out expires) is { TenantId.Length: > 0 } identity ? identity : null;
}
