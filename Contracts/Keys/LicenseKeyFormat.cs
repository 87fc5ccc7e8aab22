using System.Security.Cryptography;

namespace Platform.Contracts.Keys;

/// <summary>
/// License keys: <c>PREFIX-XXXX-XXXX-XXXX-XXXX-XXXX</c>. The prefix (2 to 8 letters or digits) is the
/// vendor's; the 20 symbols after it are 17 random ones (85 bits from a CSPRNG) and a 3-symbol checksum,
/// so a typo is caught with no lookup at all. Input is accepted in either case, with or without dashes
/// and spaces; <see cref="TryNormalize"/> gives the canonical form that is stored and looked up.
/// </summary>
public static class LicenseKeyFormat
{
    public const int RandomSymbols = 17;
    public const int ChecksumSymbols = 3;
    public const int BodySymbols = RandomSymbols + ChecksumSymbols;
    public const int GroupSize = 4;
    public const string DefaultPrefix = "TO";

    /// <summary>Whether <paramref name="prefix"/> can start a key: 2 to 8 of A–Z and 0–9.</summary>
    public static bool IsValidPrefix(string? prefix) =>
        prefix is { Length: >= 2 and <= 8 } && prefix.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));

    public static string Generate(string prefix = DefaultPrefix)
    {
        if (!IsValidPrefix(prefix))
        {
            throw new ArgumentException("A key prefix is 2 to 8 upper-case letters or digits.", nameof(prefix));
        }

        Span<char> body = stackalloc char[BodySymbols];
        for (var i = 0; i < RandomSymbols; i++)
        {
            body[i] = LicenseKeyAlphabet.Symbols[RandomNumberGenerator.GetInt32(LicenseKeyAlphabet.Symbols.Length)];
        }

        LicenseKeyChecksum.Compute(prefix, body[..RandomSymbols]).AsSpan().CopyTo(body[RandomSymbols..]);
        return Format(prefix, body);
    }

    /// <summary>
    /// The canonical key if <paramref name="input"/> is well formed and its checksum holds; false otherwise
    /// (answered as INVALID_KEY_FORMAT without touching storage).
    /// </summary>
    public static bool TryNormalize(string? input, out string key)
    {
        key = "";
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64)
        {
            return false;
        }

        Span<char> symbols = stackalloc char[64];
        var count = 0;
        var dash = input.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return false;
        }

        var prefix = input[..dash].Trim().ToUpperInvariant();
        if (!IsValidPrefix(prefix))
        {
            return false;
        }

        foreach (var c in input.AsSpan(dash + 1))
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var value = LicenseKeyAlphabet.ValueOf(c);
            if (value < 0 || count == BodySymbols)
            {
                return false;
            }

            symbols[count++] = LicenseKeyAlphabet.Symbols[value];
        }

        if (count != BodySymbols)
        {
            return false;
        }

        var body = symbols[..BodySymbols];
        if (!LicenseKeyChecksum.Compute(prefix, body[..RandomSymbols]).AsSpan().SequenceEqual(body[RandomSymbols..]))
        {
            return false;
        }

        key = Format(prefix, body);
        return true;
    }

    public const int MinImportedLength = 8;
    public const int MaxImportedLength = 128;

    /// <summary>
    /// Classifies <paramref name="input"/>: a platform key (normalized), an imported key (trimmed, kept as
    /// given: 8 to 128 of A–Z, a–z, 0–9, '-', '_', '.'), or invalid. A string with this platform's shape
    /// (a prefix and 20 symbols of the alphabet) whose checksum fails is a typo, so it is invalid, never imported.
    /// </summary>
    public static LicenseKeyKind Classify(string? input, out string key)
    {
        if (TryNormalize(input, out key))
        {
            return LicenseKeyKind.Platform;
        }

        var trimmed = input?.Trim() ?? "";
        if (HasPlatformShape(trimmed) || !IsImportable(trimmed))
        {
            return LicenseKeyKind.Invalid;
        }

        key = trimmed;
        return LicenseKeyKind.Imported;
    }

    /// <summary>Whether <paramref name="key"/> may be stored as an imported key.</summary>
    public static bool IsImportable(string key) =>
        key.Length is >= MinImportedLength and <= MaxImportedLength
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && !HasPlatformShape(key);

    private static bool HasPlatformShape(string input)
    {
        var dash = input.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || !IsValidPrefix(input[..dash].ToUpperInvariant()))
        {
            return false;
        }

        var symbols = 0;
        foreach (var c in input.AsSpan(dash + 1))
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            if (LicenseKeyAlphabet.ValueOf(c) < 0)
            {
                return false;
            }

            symbols++;
        }

        return symbols == BodySymbols;
    }

    private static string Format(string prefix, ReadOnlySpan<char> body)
    {
        var groups = BodySymbols / GroupSize;
        var result = new char[prefix.Length + (groups * (GroupSize + 1))];
        prefix.AsSpan().CopyTo(result);
        var at = prefix.Length;
        for (var g = 0; g < groups; g++)
        {
            result[at++] = '-';
            body.Slice(g * GroupSize, GroupSize).CopyTo(result.AsSpan(at));
            at += GroupSize;
        }

        return new string(result);
    }
}
