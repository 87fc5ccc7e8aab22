using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;
using static Platform.Licensing.Apis.LicenseResults;

namespace Platform.Licensing.Apis;

internal static class LicensesApi
{
    private const int MaxBatch = 100;

    public static void MapLicensesApi(this RouteGroupBuilder api)
    {
        var licenses = api.MapGroup("/licenses").WithTags("Licenses");
        licenses.MapPost("", CreateAsync).Answers<CreatedLicense>(StatusCodes.Status201Created);
        licenses.MapPost("/batch", CreateManyAsync).Answers<Page<LicenseView>>(StatusCodes.Status201Created);
        licenses.MapGet("", ListAsync).Answers<Page<LicenseView>>().AllowPortal();
        licenses.MapGet("/{id}", GetAsync).Answers<LicenseView>().AllowPortal();
        licenses.MapLicenseChanges();
        licenses.MapLicenseTransfer();
    }

    internal static Task<IResult> CreateAsync(CreateLicenseRequest request, CallerIdentity caller, LicensingDbContext db, LicenseIssuer issuer, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var problem = new ValidationProblem();
            var spec = LicenseDraft.Read(request, problem);
            if (problem.HasErrors)
            {
                return problem.ToResult();
            }

            var scope = ApiScope.Of(caller);
            var license = await issuer.IssueAsync(scope.TenantId, scope.Environment, spec, importedKey: null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/v1/licenses/{license.Id}", new CreatedLicense(await LicenseViews.ForAsync(db, license, cancellationToken)));
        });

    /// <summary>Up to 100 licenses, all or none: one bad entry fails the call naming its index.</summary>
    private static Task<IResult> CreateManyAsync(CreateLicensesRequest request, CallerIdentity caller, LicensingDbContext db, LicenseIssuer issuer, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (request.Licenses is not { Count: > 0 and <= MaxBatch } entries)
            {
                return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, $"licenses must hold 1 to {MaxBatch} entries.");
            }

            var specs = new List<LicenseSpec>();
            for (var i = 0; i < entries.Count; i++)
            {
                var problem = new ValidationProblem($"licenses[{i}].");
                specs.Add(LicenseDraft.Read(entries[i] ?? CreateLicenseRequest.Empty, problem));
                if (problem.HasErrors)
                {
                    return problem.ToResult();
                }
            }

            var scope = ApiScope.Of(caller);
            var created = new List<License>();
            for (var i = 0; i < specs.Count; i++)
            {
                try
                {
                    created.Add(await issuer.IssueAsync(scope.TenantId, scope.Environment, specs[i], importedKey: null, cancellationToken));
                }
                catch (LicenseTermsException ex)
                {
                    return LicenseResults.Invalid(ex, $"licenses[{i}].");
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created("/api/v1/licenses", new { data = await LicenseViews.ForAsync(db, created, cancellationToken) });
        });

    internal static async Task<IResult> ListAsync(
        CallerIdentity caller, LicensingDbContext db,
        [FromQuery] int? page, [FromQuery] int? limit, [FromQuery] int? offset,
        [FromQuery] string? status, [FromQuery(Name = "product_id")] string? productId, [FromQuery(Name = "plan_id")] string? planId,
        [FromQuery(Name = "customer_email")] string? customerEmail,
        CancellationToken cancellationToken)
    {
        LicenseStatus? statusFilter = null;
        if (status is not null)
        {
            statusFilter = EnumNames.TryParse<LicenseStatus>(status, out var parsed) ? parsed : null;
            if (statusFilter is null)
            {
                return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, "status must be active, suspended, expired or revoked.");
            }
        }

        var query = Scoped(db.Licenses.AsNoTracking(), ApiScope.Of(caller));
        if (statusFilter is { } wanted)
        {
            query = query.Where(l => l.Status == wanted);
        }

        if (productId is not null)
        {
            query = query.Where(l => l.ProductId == productId);
        }

        if (planId is not null)
        {
            query = query.Where(l => l.PlanId == planId);
        }

        if (customerEmail?.Trim().ToLowerInvariant() is { } email)
        {
            query = query.Where(l => l.CustomerEmail == email);
        }

        return await Paging.PageAsync<License, LicenseView>(query.OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id), page, limit, offset,
            async rows => await LicenseViews.ForAsync(db, rows, cancellationToken), cancellationToken);
    }

    internal static async Task<IResult> GetAsync(string id, CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken)
    {
        var license = await FindAsync(db.Licenses.AsNoTracking(), id, ApiScope.Of(caller), cancellationToken);
        return license is null ? NotFound(id) : TypedResults.Ok(await LicenseViews.ForAsync(db, license, cancellationToken));
    }

    /// <summary>The licenses <paramref name="scope"/> may see: its tenant's in its environment, and only its customer's for a portal session.</summary>
    public static IQueryable<License> Scoped(IQueryable<License> licenses, ApiScope scope)
    {
        var visible = licenses.Where(l => l.TenantId == scope.TenantId && l.Environment == scope.Environment);
        return scope.Customer is { } customer ? visible.Where(l => l.CustomerEmail == customer) : visible;
    }

    public static Task<License?> FindAsync(IQueryable<License> licenses, string id, ApiScope scope, CancellationToken cancellationToken) =>
        Scoped(licenses, scope).SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
}
