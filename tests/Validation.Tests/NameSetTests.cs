using Platform.Validation.Cache;

namespace Platform.Validation.Tests;

/// <summary>The sets a cache entry checks requests against: the same answers however many names they hold.</summary>
public sealed class NameSetTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(500)]
    public void ContainsExactlyItsNamesComparedOrdinally(int count)
    {
        var names = Enumerable.Range(0, count).Select(i => $"name-{i}").ToArray();

        var set = NameSet.Of(names);

        Assert.Equal(count, set.Count);
        Assert.All(names, name => Assert.True(set.Contains(name)));
        Assert.False(set.Contains($"name-{count}"));
        Assert.False(set.Contains("NAME-0"));
        Assert.False(set.Contains(""));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    public void ADuplicateCountsOnce(int count)
    {
        var names = Enumerable.Range(0, count).Select(i => $"name-{i}").Append("name-0").Append("name-1").ToArray();

        var set = NameSet.Of(names);

        Assert.Equal(count, set.Count);
        Assert.True(set.Contains("name-0"));
    }
}
