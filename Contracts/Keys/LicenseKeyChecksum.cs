namespace Platform.Contracts.Keys;

/// <summary>
/// CRC-15 (the CAN polynomial x^15+x^14+x^10+x^8+x^7+x^4+x^3+1) over the prefix bytes and the 5-bit body
/// symbols. A CRC catches every error burst up to its width, so every single mistyped symbol and every
/// swap of two neighbouring symbols is caught for certain; other typos slip through once in 32,768.
/// </summary>
public static class LicenseKeyChecksum
{
    private const int Polynomial = 0x4599;
    private const int Width = 15;

    /// <summary>Writes the checksum's three symbols into <paramref name="destination"/>.</summary>
    public static void Compute(ReadOnlySpan<char> prefix, ReadOnlySpan<char> body, Span<char> destination)
    {
        var crc = 0;
        foreach (var c in prefix)
        {
            crc = Feed(crc, char.ToUpperInvariant(c), 8);
        }

        foreach (var symbol in body)
        {
            crc = Feed(crc, LicenseKeyAlphabet.ValueOf(symbol), 5);
        }

        destination[0] = LicenseKeyAlphabet.Symbols[(crc >> 10) & 31];
        destination[1] = LicenseKeyAlphabet.Symbols[(crc >> 5) & 31];
        destination[2] = LicenseKeyAlphabet.Symbols[crc & 31];
    }

    private static int Feed(int crc, int value, int bits)
    {
        for (var bit = bits - 1; bit >= 0; bit--)
        {
            var incoming = (value >> bit) & 1;
            var top = (crc >> (Width - 1)) & 1;
            crc = (crc << 1) & ((1 << Width) - 1);
            if ((incoming ^ top) == 1)
            {
                crc ^= Polynomial;
            }
        }

        return crc;
    }
}
