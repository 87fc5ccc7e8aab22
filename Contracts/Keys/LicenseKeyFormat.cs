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
    public const int MaxPrefixLength = 8;
    private const int FormattedBodyLength = BodySymbols + (BodySymbols / GroupSize);

    /// <summary>Whether <paramref name="prefix"/> can start a key: 2 to 8 of A–Z and 0–9.</summary>
    public static bool IsValidPrefix(string? prefix) => prefix is not null && IsValidPrefix(prefix.AsSpan());

    public static bool IsValidPrefix(ReadOnlySpan<char> prefix)
    {
        if (prefix.Length is < 2 or > MaxPrefixLength)
        {
            return false;
        }

        foreach (var c in prefix)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }

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

        LicenseKeyChecksum.Compute(prefix, body[..RandomSymbols], body[RandomSymbols..]);
        return Format(prefix, body);
    }

    /// <summary>
    /// The canonical key if <paramref name="input"/> is well formed and its checksum holds; false otherwise
    /// (answered as INVALID_KEY_FORMAT without touching storage).
    /// </summary>
    public static bool TryNormalize(string? input, out string key)
    {
        // Spans on the stack throughout: this runs on every validation. A key already in canonical form is returned as given.
        key = "";
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64)
        {
            return false;
        }

        var dash = input.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return false;
        }

        var given = input.AsSpan(0, dash).Trim();
        if (given.Length > MaxPrefixLength)
        {
            return false;
        }

        Span<char> prefix = stackalloc char[MaxPrefixLength];
        prefix = prefix[..given.ToUpperInvariant(prefix)];
        if (!IsValidPrefix(prefix))
        {
            return false;
        }

        Span<char> symbols = stackalloc char[BodySymbols];
        var count = 0;
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

        Span<char> checksum = stackalloc char[ChecksumSymbols];
        LicenseKeyChecksum.Compute(prefix, symbols[..RandomSymbols], checksum);
        if (!checksum.SequenceEqual(symbols[RandomSymbols..]))
        {
            return false;
        }

        Span<char> canonical = stackalloc char[MaxPrefixLength + FormattedBodyLength];
        canonical = canonical[..Format(prefix, symbols, canonical)];
        key = canonical.SequenceEqual(input) ? input : new string(canonical);
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
        Span<char> prefix = stackalloc char[MaxPrefixLength];
        if (dash < 0 || dash > MaxPrefixLength || !IsValidPrefix(prefix[..input.AsSpan(0, dash).ToUpperInvariant(prefix)]))
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
        Span<char> formatted = stackalloc char[MaxPrefixLength + FormattedBodyLength];
        return new string(formatted[..Format(prefix, body, formatted)]);
    }

    /// <summary>Writes <c>PREFIX-XXXX-…</c> into <paramref name="destination"/>; returns its length.</summary>
    private static int Format(ReadOnlySpan<char> prefix, ReadOnlySpan<char> body, Span<char> destination)
    {
        prefix.CopyTo(destination);
        var at = prefix.Length;
        for (var g = 0; g < BodySymbols / GroupSize; g++)
        {
            destination[at++] = '-';
            body.Slice(g * GroupSize, GroupSize).CopyTo(destination[at..]);
            at += GroupSize;
        }

        return at;
    }
}
