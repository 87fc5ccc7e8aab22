using System.Text.Json.Serialization;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// The credential one of the platform's services presents when it calls another on its own behalf (Billing's license
/// commands, Validation's reads and usage reports, the Gateway's key lookups): a <see cref="SignedToken"/> of kind
/// <c>s1</c> naming the calling service, signed with the secret the services share, in the <see cref="MetadataKey"/>
/// entry of a gRPC call. It is a different kind from a caller identity, so neither can stand in for the other.
/// </summary>
public static class ServiceCredential
{
    public const string MetadataKey = "x-platform-service";
    private const string Kind = "s1";

    public static string Sign(string service, byte[] secret, DateTimeOffset now) =>
        SignedToken.Sign(Kind, new ServicePrincipal(service), secret, now, SignedToken.MaxLifetime);

    /// <summary>The calling service's name, or null when the token is missing, malformed, forged or expired.</summary>
    public static string? Verify(string? token, byte[] secret, DateTimeOffset now, out long expires) =>
        SignedToken.Verify<ServicePrincipal>(Kind, token, secret, now, out expires) is { Name.Length: > 0 } principal ? principal.Name : null;

    private sealed record ServicePrincipal([property: JsonPropertyName("svc")] string Name);
}
