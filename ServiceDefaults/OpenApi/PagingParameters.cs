using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// Describes the paging parameters every list takes, where the reference disagrees with itself (it gives the default
/// page size as 20 in one place and 25 in another): the platform's is 20.
/// </summary>
internal static class PagingParameters
{
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            parameter.Description ??= parameter.In != ParameterLocation.Query ? null : parameter.Name switch
            {
                "page" => "The page to read, from 1 (default 1).",
                "limit" => $"Items per page, 1 to {Apis.Pagination.MaxLimit} (default {Apis.Pagination.DefaultLimit}).",
                "offset" => "Items to skip, instead of page (default 0).",
                _ => null,
            };
        }

        return Task.CompletedTask;
    }
}
