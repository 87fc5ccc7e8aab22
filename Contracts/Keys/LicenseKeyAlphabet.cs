namespace Platform.Contracts.Keys;

/// <summary>
/// The 32 symbols of a license key: digits and capitals without 0/O and 1/I, which are confused when a
/// key is read out or typed. Each symbol carries 5 bits.
/// </summary>
public static class LicenseKeyAlphabet
{
    public const string Symbols = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private static readonly sbyte[] Values = BuildValues();

    /// <summary>The 5-bit value of <paramref name="symbol"/> (either case), or -1 if it is not in the alphabet.</summary>
    public static int ValueOf(char symbol) => symbol < 128 ? Values[symbol] : -1;

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Symbols.Length; i++)
        {
            values[Symbols[i]] = (sbyte)i;
            values[char.ToLowerInvariant(Symbols[i])] = (sbyte)i;
        }

        return values;
    }
}
