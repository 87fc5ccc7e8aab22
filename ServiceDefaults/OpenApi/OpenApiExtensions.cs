using Microsoft.AspNetCore.Routing;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// Every service describes its HTTP API as an OpenAPI 3.1 document at <see cref="DocumentPath"/>; the
/// Gateway merges the public routes of all of them into <c>/api/v1/openapi.json</c>.
/// </summary>
public static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IHostApplicationBuilder AddDefaultOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options => options.AddOperationTransformer(PagingParameters.DescribeAsync));
        return builder;
    }

    public static IEndpointRouteBuilder MapDefaultOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        return endpoints;
    }
}
