using Platform.Contracts.Keys;

namespace Platform.Contracts.Tests;

/// <summary>The table-driven checksum gives what the CRC defined bit by bit gives: keys already issued stay valid.</summary>
public sealed class LicenseKeyChecksumTests
{
    [Theory]
    [InlineData("TO", "23456789ABCDEFGHJ", "MVK")]
    [InlineData("ACME", "ZZZZZZZZZZZZZZZZZ", "E7G")]
    [InlineData("AB12CD34", "KLMNPQRSTUVWXYZ23", "DCP")]
    public void KnownKeysKeepTheirChecksum(string prefix, string body, string expected)
    {
        Span<char> checksum = stackalloc char[LicenseKeyFormat.ChecksumSymbols];
        LicenseKeyChecksum.Compute(prefix, body, checksum);

        Assert.Equal(expected, checksum.ToString());
    }

    [Theory]
    [InlineData("TO-2V8G-2Q3Y-PY88-5RVG-9YT9")]
    [InlineData("TO-MVWK-WB6P-RMC5-RFXR-F6E9")]
    public void KeysIssuedBeforeTheTablesStillValidate(string key) => Assert.True(LicenseKeyFormat.TryNormalize(key, out _));

    [Fact]
    public void EveryInputGivesWhatTheBitwiseDefinitionGives()
    {
        var random = new Random(20261123);
        Span<char> checksum = stackalloc char[LicenseKeyFormat.ChecksumSymbols];
        for (var sample = 0; sample < 20_000; sample++)
        {
            var prefix = new string([.. Enumerable.Range(0, random.Next(2, 9)).Select(_ => (char)random.Next(0, 256))]);
            // Mostly symbols of the alphabet, in either case, and now and then a character outside it.
            var body = new string([.. Enumerable.Range(0, LicenseKeyFormat.RandomSymbols).Select(_ => random.Next(10) switch
            {
                0 => (char)random.Next(0, 200),
                1 => char.ToLowerInvariant(LicenseKeyAlphabet.Symbols[random.Next(32)]),
                _ => LicenseKeyAlphabet.Symbols[random.Next(32)],
            })]);

            LicenseKeyChecksum.Compute(prefix, body, checksum);

            Assert.Equal(Bitwise(prefix, body), checksum.ToString());
        }
    }

    /// <summary>The definition: x^15+x^14+x^10+x^8+x^7+x^4+x^3+1, most significant bit first, 8 bits a prefix character, 5 a symbol.</summary>
    private static string Bitwise(string prefix, string body)
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

        return $"{LicenseKeyAlphabet.Symbols[(crc >> 10) & 31]}{LicenseKeyAlphabet.Symbols[(crc >> 5) & 31]}{LicenseKeyAlphabet.Symbols[crc & 31]}";
    }

    private static int Feed(int crc, int value, int bits)
    {
        for (var bit = bits - 1; bit >= 0; bit--)
        {
            var top = (crc >> 14) & 1;
            crc = (crc << 1) & 0x7FFF;
            if ((((value >> bit) & 1) ^ top) == 1)
            {
                crc ^= 0x4599;
            }
        }

        return crc;
    }
}
