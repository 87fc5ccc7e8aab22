using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Licensing.Apis;

internal static class ProductsApi
{
    private static readonly HashSet<string> KnownPlatforms = ["windows", "mac", "linux", "web"];

    public static void MapProductsApi(this RouteGroupBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Products");
        products.MapPost("", CreateAsync).Answers<ProductResponse>(StatusCodes.Status201Created);
        products.MapGet("", ListAsync).Answers<Page<ProductResponse>>();
        products.MapGet("/{id}", GetAsync);
    }

    private static async Task<IResult> CreateAsync(CreateProductRequest request, CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken)
    {
        var problem = new ValidationProblem();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            problem.Missing("name");
        }
        else if (request.Name.Length > 200)
        {
            problem.Invalid("name", "is longer than 200 characters");
        }

        if (request.Platforms?.FirstOrDefault(p => !KnownPlatforms.Contains(p)) is { } platform)
        {
            problem.Invalid("platforms", $"has '{platform}'; use windows, mac, linux or web");
        }

        var metadata = Metadata.Read(request.Metadata, problem);
        if (problem.HasErrors)
        {
            return problem.ToResult();
        }

        var scope = ApiScope.Of(caller);
        var product = new Product
        {
            Id = Ids.New("prod"),
            TenantId = scope.TenantId,
            Environment = scope.Environment,
            Name = request.Name!.Trim(),
            Platforms = request.Platforms?.Distinct().ToList() ?? [],
            Metadata = metadata,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/products/{product.Id}", ProductResponse.Of(product));
    }

    private static Task<IResult> ListAsync(CallerIdentity caller, LicensingDbContext db, [FromQuery] int? page, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken cancellationToken)
    {
        var scope = ApiScope.Of(caller);
        var query = db.Products.AsNoTracking().Where(p => p.TenantId == scope.TenantId && p.Environment == scope.Environment);
        return Paging.PageAsync(query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id), page, limit, offset, ProductResponse.Of, cancellationToken);
    }

    private static async Task<Results<Ok<ProductResponse>, JsonHttpResult<ApiError>>> GetAsync(string id, CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken)
    {
        var scope = ApiScope.Of(caller);
        var product = await db.Products.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id && p.TenantId == scope.TenantId && p.Environment == scope.Environment, cancellationToken);
        return product is null
            ? TypedResults.Json(ApiError.For(ErrorCodes.NotFound, $"No product {id}."), statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(ProductResponse.Of(product));
    }
}
