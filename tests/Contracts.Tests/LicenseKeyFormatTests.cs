using Platform.Contracts.Keys;

namespace Platform.Contracts.Tests;

public sealed class LicenseKeyFormatTests
{
    [Fact]
    public void GeneratedKeysHaveThePrefixAndFiveGroupsOfFour()
    {
        var key = LicenseKeyFormat.Generate("ACME");

        Assert.Matches("^ACME(-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}){5}$", key);
        Assert.True(LicenseKeyFormat.TryNormalize(key, out var normalized));
        Assert.Equal(key, normalized);
    }

    [Fact]
    public void KeysAreReadInEitherCaseWithOrWithoutDashes()
    {
        var key = LicenseKeyFormat.Generate();
        var sloppy = key.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal).Insert(2, "-").Insert(7, " ");

        Assert.True(LicenseKeyFormat.TryNormalize(sloppy, out var normalized));
        Assert.Equal(key, normalized);
    }

    [Fact]
    public void EverySingleMistypedSymbolIsCaught()
    {
        var key = LicenseKeyFormat.Generate();
        for (var position = 0; position < key.Length; position++)
        {
            if (key[position] == '-' || position < 2)
            {
                continue;
            }

            foreach (var replacement in LicenseKeyAlphabet.Symbols.Where(s => s != key[position]))
            {
                var typo = key[..position] + replacement + key[(position + 1)..];
                Assert.False(LicenseKeyFormat.TryNormalize(typo, out _), $"{typo} passed the checksum");
            }
        }
    }

    [Fact]
    public void EverySwapOfNeighbouringSymbolsIsCaught()
    {
        for (var sample = 0; sample < 200; sample++)
        {
            var symbols = LicenseKeyFormat.Generate().Replace("-", "", StringComparison.Ordinal)[2..];
            for (var i = 0; i + 1 < symbols.Length; i++)
            {
                if (symbols[i] == symbols[i + 1])
                {
                    continue;
                }

                var swapped = symbols[..i] + symbols[i + 1] + symbols[i] + symbols[(i + 2)..];
                Assert.False(LicenseKeyFormat.TryNormalize("TO-" + swapped, out _), $"TO-{swapped} passed the checksum");
            }
        }
    }

    [Fact]
    public void TheChecksumCoversThePrefix()
    {
        var key = LicenseKeyFormat.Generate("ACME");

        Assert.False(LicenseKeyFormat.TryNormalize("ACMF" + key[4..], out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("TO")]
    [InlineData("TO-")]
    [InlineData("TO-AAAA-BBBB")]
    [InlineData("TO-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")]
    [InlineData("TO-0AAA-BBBB-CCCC-DDDD-EEEE")]
    [InlineData("T-AAAA-BBBB-CCCC-DDDD-EEEE")]
    [InlineData("TOOLONGPREFIX-AAAA-BBBB-CCCC-DDDD-EEEE")]
    [InlineData("TO-ÄAAA-BBBB-CCCC-DDDD-EEEE")]
    [InlineData("'; DROP TABLE licenses; --")]
    public void MalformedInputIsRefused(string input) => Assert.False(LicenseKeyFormat.TryNormalize(input, out _));

    [Fact]
    public void TenThousandKeysAreAllDifferent()
    {
        var keys = Enumerable.Range(0, 10_000).Select(_ => LicenseKeyFormat.Generate()).ToHashSet();

        Assert.Equal(10_000, keys.Count);
    }

    [Fact]
    public void EachRandomSymbolUsesTheWholeAlphabet()
    {
        // 17 random symbols of 32 values each: 85 bits. Over 3,000 keys every symbol value shows up at every position.
        var keys = Enumerable.Range(0, 3_000).Select(_ => LicenseKeyFormat.Generate().Replace("-", "", StringComparison.Ordinal)[2..]).ToList();
        for (var position = 0; position < LicenseKeyFormat.RandomSymbols; position++)
        {
            Assert.Equal(32, keys.Select(k => k[position]).Distinct().Count());
        }
    }

    [Theory]
    [InlineData("to")]
    [InlineData("A")]
    [InlineData("ABCDEFGHI")]
    [InlineData("A-B")]
    public void InvalidPrefixesAreRefused(string prefix) => Assert.Throws<ArgumentException>(() => LicenseKeyFormat.Generate(prefix));
}
