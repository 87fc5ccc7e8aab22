namespace Platform.ServiceDefaults.Apis;

/// <summary>A page of a list: <c>{"data":[…],"pagination":{"page","limit","total","totalPages","hasMore"}}</c>.</summary>
public sealed record Page<T>(
    IReadOnlyList<T> Data,
    Pagination Pagination);

public sealed record Pagination(
    int Page,
    int Limit,
    long Total,
    long TotalPages,
    bool HasMore)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>Reads <c>page</c> (1-based) and <c>limit</c> (1–100), or <c>offset</c> instead of page; null and an error when out of range.</summary>
    public static (int Skip, int Page, int Limit, string? Error) Parse(int? page, int? limit, int? offset)
    {
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            return (0, 0, 0, $"limit must be between 1 and {MaxLimit}.");
        }

        if (page is < 1)
        {
            return (0, 0, 0, "page starts at 1.");
        }

        if (offset is < 0)
        {
            return (0, 0, 0, "offset cannot be negative.");
        }

        // In long: page × limit past int's range would wrap to a negative offset.
        var skip = offset ?? ((long)(page ?? 1) - 1) * size;
        if (skip > int.MaxValue)
        {
            return (0, 0, 0, $"(page - 1) × limit, the items skipped, cannot exceed {int.MaxValue}.");
        }

        return ((int)skip, (int)(skip / size) + 1, size, null);
    }

    public static Pagination Of(int page, int limit, long total)
    {
        var pages = (total + limit - 1) / limit;
        return new Pagination(page, limit, total, pages, (long)page * limit < total);
    }
}
