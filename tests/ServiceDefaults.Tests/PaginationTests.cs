using Platform.ServiceDefaults.Apis;

namespace Platform.ServiceDefaults.Tests;

public sealed class PaginationTests
{
    [Theory]
    [InlineData(156_953_650, 20)]
    [InlineData(int.MaxValue, 100)]
    public void APageWhoseOffsetIsBeyondAnIntIsRefusedRatherThanWrappedToANegativeOne(int page, int limit)
    {
        var (_, _, _, error) = Pagination.Parse(page, limit, null);

        Assert.Equal("(page - 1) × limit, the items skipped, cannot exceed 2147483647.", error);
    }

    [Fact]
    public void TheLastPageAnIntOffsetReachesIsRead()
    {
        var (skip, page, limit, error) = Pagination.Parse(21_474_837, 100, null);

        Assert.Null(error);
        Assert.Equal((2_147_483_600, 21_474_837, 100), (skip, page, limit));
    }
}
