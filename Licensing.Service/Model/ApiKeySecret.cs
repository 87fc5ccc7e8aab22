using System.Security.Cryptography;

namespace Platform.Licensing.Model;

/// <summary>
/// The secret of an API key: <c>to_live_</c> or <c>to_test_</c> and 32 base62 characters from 190 random
/// bits. Keys are high-entropy, so a plain SHA-256 digest is a safe way to store and look them up.
/// </summary>
public static class ApiKeySecret
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int RandomCharacters = 32;

    public static string PrefixOf(ApiEnvironment environment) => environment == ApiEnvironment.Live ? "to_live_" : "to_test_";

    public static string Generate(ApiEnvironment environment) =>
        PrefixOf(environment) + RandomNumberGenerator.GetString(Base62, RandomCharacters);

    public static byte[] Digest(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    /// <summary>The environment a secret names by its prefix, or null if it is not one of ours.</summary>
    public static ApiEnvironment? EnvironmentOf(string secret) =>
        secret.StartsWith("to_live_", StringComparison.Ordinal) ? ApiEnvironment.Live
        : secret.StartsWith("to_test_", StringComparison.Ordinal) ? ApiEnvironment.Test
        : null;
}
