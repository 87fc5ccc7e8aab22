namespace Platform.Contracts.Keys;

/// <summary>
/// CRC-15 (the CAN polynomial x^15+x^14+x^10+x^8+x^7+x^4+x^3+1) over the prefix bytes and the 5-bit body
/// symbols. A CRC catches every error burst up to its width, so every single mistyped symbol and every
/// swap of two neighbouring symbols is caught for certain; other typos slip through once in 32,768.
/// </summary>
/// <remarks>
/// Every validation computes it, so it is table-driven: a byte or a symbol at a time rather than a bit. The CRC is
/// linear, so feeding <c>n</c> bits to a register <c>r</c> gives <c>(r &lt;&lt; n) ^ T[(r &gt;&gt; (15 - n)) ^ value]</c>,
/// where <c>T[i]</c> is what the bit-at-a-time register gives from <c>i &lt;&lt; (15 - n)</c> fed <c>n</c> zero bits.
/// </remarks>
public static class LicenseKeyChecksum
{
    private const int Polynomial = 0x4599;
    private const int Width = 15;
    private const int Mask = (1 << Width) - 1;

    private static readonly ushort[] ByteTable = BuildTable(8);
    private static readonly ushort[] SymbolTable = BuildTable(5);

    /// <summary>Writes the checksum's three symbols into <paramref name="destination"/>.</summary>
    public static void Compute(ReadOnlySpan<char> prefix, ReadOnlySpan<char> body, Span<char> destination)
    {
        var crc = 0;
        foreach (var c in prefix)
        {
            crc = ((crc << 8) & Mask) ^ ByteTable[((crc >> (Width - 8)) ^ char.ToUpperInvariant(c)) & 0xFF];
        }

        foreach (var symbol in body)
        {
            crc = ((crc << 5) & Mask) ^ SymbolTable[((crc >> (Width - 5)) ^ LicenseKeyAlphabet.ValueOf(symbol)) & 31];
        }

        destination[0] = LicenseKeyAlphabet.Symbols[(crc >> 10) & 31];
        destination[1] = LicenseKeyAlphabet.Symbols[(crc >> 5) & 31];
        destination[2] = LicenseKeyAlphabet.Symbols[crc & 31];
    }

    private static ushort[] BuildTable(int bits)
    {
        var table = new ushort[1 << bits];
        for (var i = 0; i < table.Length; i++)
        {
            var crc = i << (Width - bits);
            for (var bit = 0; bit < bits; bit++)
            {
                var top = (crc >> (Width - 1)) & 1;
                crc = (crc << 1) & Mask;
                if (top == 1)
                {
                    crc ^= Polynomial;
                }
            }

            table[i] = (ushort)crc;
        }

        return table;
    }
}
