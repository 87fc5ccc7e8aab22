namespace Platform.Gateway.Routing;

/// <summary>
/// New request ids: 128 random bits as 32 lower-case hex digits. From <see cref="Random.Shared"/> (seeded from the
/// operating system per thread): an id needs to be unique, not secret, and a cryptographic generator would make a
/// system call on every request.
/// </summary>
internal static class RequestIds
{
    public static string Next()
    {
        Span<byte> bits = stackalloc byte[16];
        Random.Shared.NextBytes(bits);
        return Convert.ToHexStringLower(bits);
    }
}
