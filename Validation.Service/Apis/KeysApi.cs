using System.Text.Json.Serialization;
using Platform.Validation.Tokens;

namespace Platform.Validation.Apis;

internal static class KeysApi
{
    /// <summary>
    /// <c>GET /api/v1/keys</c>: the public keys that verify offline tokens, as a JWK set (RFC 7517/8037).
    /// The first is the one signing now; the others signed earlier tokens that may still be in use.
    /// </summary>
    public static IResult Keys(SigningKeyRing ring, HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=300";
        var keys = ring.Keys.Select((k, i) => new PublicJwk("OKP", "Ed25519", "EdDSA", "sig", k.Id, k.X, i == 0 ? "active" : "retired")).ToList();
        return TypedResults.Ok(new JwkSet(keys));
    }
}

internal sealed record JwkSet(IReadOnlyList<PublicJwk> Keys);

internal sealed record PublicJwk(
    string Kty,
    string Crv,
    string Alg,
    string Use,
    string Kid,
    string X,
    string Status);
