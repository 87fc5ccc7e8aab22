using Platform.ServiceDefaults.Configuration;

namespace Platform.Validation.Tokens;

/// <summary>
/// The service's signing keys from <c>Validation:Tokens:SigningKeys</c> (a list of base64 32-byte Ed25519 seeds).
/// The first signs; the others are only published, so tokens they signed still verify. To rotate, put a new
/// seed first and keep the old one after it for as long as its tokens may be in use (the longest offline grace).
/// </summary>
internal sealed class SigningKeyRing
{
    public const string Setting = "Validation:Tokens:SigningKeys";

    public SigningKeyRing(IConfiguration configuration)
    {
        var seeds = configuration.GetSection(Setting).GetChildren()
            .OrderBy(c => int.TryParse(c.Key, out var index) ? index : int.MaxValue)
            .Select(c => c.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .ToList();
        if (seeds.Count == 0)
        {
            throw new MissingConfigurationException(Setting + ":0");
        }

        Keys = [.. seeds.Select((seed, i) => new SigningKey(Decode(seed!, i)))];
    }

    /// <summary>Every published key; the first is the one that signs.</summary>
    public IReadOnlyList<SigningKey> Keys { get; }

    public SigningKey Active => Keys[0];

    private static byte[] Decode(string seed, int index)
    {
        try
        {
            var bytes = Convert.FromBase64String(seed.Trim());
            return bytes.Length == SigningKey.SeedSize ? bytes : throw new InvalidOperationException($"{Setting}:{index} must be {SigningKey.SeedSize} bytes (base64).");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{Setting}:{index} must be base64.");
        }
    }
}
