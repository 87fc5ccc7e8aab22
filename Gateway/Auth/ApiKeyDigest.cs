using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;

namespace Platform.Gateway.Auth;

/// <summary>The SHA-256 digest of an API key: what the key cache is keyed by (the secret itself never is).</summary>
internal readonly record struct ApiKeyDigest(UInt128 High, UInt128 Low)
{
    private static readonly object MemoKey = new();

    public static ApiKeyDigest Of(string apiKey)
    {
        // No allocation for keys of ordinary length; a longer string is hashed from a rented buffer.
        var length = Encoding.UTF8.GetMaxByteCount(apiKey.Length);
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> utf8 = rented ?? stackalloc byte[512];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(apiKey, utf8)], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return new ApiKeyDigest(BinaryPrimitives.ReadUInt128LittleEndian(hash), BinaryPrimitives.ReadUInt128LittleEndian(hash[16..]));
    }

    /// <summary>
    /// The digest of the request's key, remembered on its connection: a client sends the same key on every request of
    /// a kept-alive connection, so the hash is computed once per connection and key, not once per request. Only on
    /// HTTP/1.x, whose requests on one connection come one at a time (HTTP/2 streams run concurrently). The key is held
    /// no longer than the connection, which holds its header anyway, and compared in constant time.
    /// </summary>
    public static ApiKeyDigest For(HttpContext context, string apiKey)
    {
        if ((!HttpProtocol.IsHttp11(context.Request.Protocol) && !HttpProtocol.IsHttp10(context.Request.Protocol))
            || context.Features.Get<IConnectionItemsFeature>()?.Items is not { } items)
        {
            return Of(apiKey);
        }

        if (items.TryGetValue(MemoKey, out var remembered) && remembered is Remembered last
            && CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(last.ApiKey.AsSpan()), MemoryMarshal.AsBytes(apiKey.AsSpan())))
        {
            return last.Digest;
        }

        var digest = Of(apiKey);
        items[MemoKey] = new Remembered(apiKey, digest);
        return digest;
    }

    private sealed record Remembered(string ApiKey, ApiKeyDigest Digest);
}
