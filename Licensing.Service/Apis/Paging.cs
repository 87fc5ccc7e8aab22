using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Apis;
using Platform.ServiceDefaults.Errors;

namespace Platform.Licensing.Apis;

/// <summary>
/// One page of an ordered list in the API's shape: <c>page</c>, <c>limit</c> or <c>offset</c> read and checked
/// (400 <c>VALIDATION_ERROR</c> when out of range), the total counted, the page's rows mapped to what the API shows.
/// </summary>
internal static class Paging
{
    public static Task<IResult> PageAsync<TEntity, TView>(
        IOrderedQueryable<TEntity> query, int? page, int? limit, int? offset, Func<TEntity, TView> map, CancellationToken cancellationToken) =>
        PageAsync(query, page, limit, offset, rows => Task.FromResult<IReadOnlyList<TView>>([.. rows.Select(map)]), cancellationToken);

    public static async Task<IResult> PageAsync<TEntity, TView>(
        IOrderedQueryable<TEntity> query, int? page, int? limit, int? offset, Func<List<TEntity>, Task<IReadOnlyList<TView>>> map, CancellationToken cancellationToken)
    {
        var (skip, pageNumber, size, error) = Pagination.Parse(page, limit, offset);
        if (error is not null)
        {
            return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, error);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var rows = await query.Skip(skip).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<TView>(await map(rows), Pagination.Of(pageNumber, size, total)));
    }
}
