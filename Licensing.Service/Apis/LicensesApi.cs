using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Keys;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;

namespace Platform.Licensing.Apis;

internal static class LicensesApi
{
    public static void MapLicensesApi(this RouteGroupBuilder api)
    {
        var licenses = api.MapGroup("/licenses").WithTags("Licenses");
        licenses.MapPost("", CreateAsync);
        licenses.MapGet("", ListAsync);
        licenses.MapGet("/{id}", GetAsync);
        licenses.MapPost("/{id}/suspend", (string id, CallerIdentity caller, LicensingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, caller, db, (license, now) => license.Suspend(now), ct));
        licenses.MapPost("/{id}/reinstate", (string id, CallerIdentity caller, LicensingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, caller, db, (license, now) => license.Reinstate(now), ct));
        licenses.MapDelete("/{id}", (string id, CallerIdentity caller, LicensingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, caller, db, (license, now) => license.Revoke(now), ct));
    }

    private static async Task<IResult> CreateAsync(CreateLicenseRequest request, CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken)
    {
        var scope = ApiScope.Of(caller);
        var draft = LicenseDraft.Read(request, out var problem);
        if (problem.HasErrors)
        {
            return problem.ToResult();
        }

        var productExists = await db.Products.AnyAsync(p => p.Id == draft.ProductId && p.TenantId == scope.TenantId && p.Environment == scope.Environment, cancellationToken);
        if (!productExists)
        {
            return ApiErrorWriter.Result(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"No product {draft.ProductId}.");
        }

        var prefix = await db.Tenants.Where(t => t.Id == scope.TenantId).Select(t => t.KeyPrefix).SingleAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var license = new License
        {
            Id = Ids.New("lic"),
            TenantId = scope.TenantId,
            Environment = scope.Environment,
            Key = LicenseKeyFormat.Generate(prefix),
            ProductId = draft.ProductId,
            Type = draft.Type,
            CustomerEmail = draft.CustomerEmail,
            MaxActivations = draft.MaxActivations,
            MaxDomains = draft.MaxDomains,
            Domains = draft.Domains,
            Features = draft.Features,
            Metadata = draft.Metadata,
            ExpiresAt = draft.ExpiresAt,
            CreatedAt = now,
        };
        db.Licenses.Add(license);
        var response = LicenseResponse.Of(license);
        LicenseEvents.Record(db, "license.created", license, response, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/licenses/{license.Id}", response);
    }

    private static async Task<IResult> ListAsync(
        CallerIdentity caller, LicensingDbContext db,
        [FromQuery] int? page, [FromQuery] int? limit, [FromQuery] int? offset,
        [FromQuery] string? status, [FromQuery(Name = "product_id")] string? productId, [FromQuery(Name = "customer_email")] string? customerEmail,
        CancellationToken cancellationToken)
    {
        var (skip, pageNumber, size, error) = Pagination.Parse(page, limit, offset);
        LicenseStatus? statusFilter = null;
        if (status is not null)
        {
            statusFilter = Enum.TryParse<LicenseStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _) ? parsed : null;
            error ??= statusFilter is null ? "status must be active, suspended, expired or revoked." : null;
        }

        if (error is not null)
        {
            return ApiErrorWriter.Result(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, error);
        }

        var scope = ApiScope.Of(caller);
        var query = db.Licenses.AsNoTracking().Where(l => l.TenantId == scope.TenantId && l.Environment == scope.Environment);
        if (statusFilter is { } wanted)
        {
            query = query.Where(l => l.Status == wanted);
        }

        if (productId is not null)
        {
            query = query.Where(l => l.ProductId == productId);
        }

        if (customerEmail?.Trim().ToLowerInvariant() is { } email)
        {
            query = query.Where(l => l.CustomerEmail == email);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id).Skip(skip).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<LicenseResponse>([.. items.Select(LicenseResponse.Of)], Pagination.Of(pageNumber, size, total)));
    }

    private static async Task<IResult> GetAsync(string id, CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken)
    {
        var license = await FindAsync(db.Licenses.AsNoTracking(), id, ApiScope.Of(caller), cancellationToken);
        return license is null ? NotFound(id) : TypedResults.Ok(LicenseResponse.Of(license));
    }

    /// <summary>Applies a lifecycle change and records its event in the same transaction; a change that changes nothing records nothing.</summary>
    private static async Task<IResult> ChangeAsync(string id, CallerIdentity caller, LicensingDbContext db, Func<License, DateTimeOffset, string?> change, CancellationToken cancellationToken)
    {
        var license = await FindAsync(db.Licenses, id, ApiScope.Of(caller), cancellationToken);
        if (license is null)
        {
            return NotFound(id);
        }

        var now = DateTimeOffset.UtcNow;
        try
        {
            if (change(license, now) is { } eventType)
            {
                LicenseEvents.Record(db, eventType, license, LicenseResponse.Of(license), now);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (LicenseStateException ex)
        {
            return ApiErrorWriter.Result(StatusCodes.Status409Conflict, ErrorCodes.Conflict, ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiErrorWriter.Result(StatusCodes.Status409Conflict, ErrorCodes.Conflict, "The license changed meanwhile; read it again and retry.");
        }

        return TypedResults.Ok(LicenseResponse.Of(license));
    }

    private static Task<License?> FindAsync(IQueryable<License> licenses, string id, ApiScope scope, CancellationToken cancellationToken) =>
        licenses.SingleOrDefaultAsync(l => l.Id == id && l.TenantId == scope.TenantId && l.Environment == scope.Environment, cancellationToken);

    // Another tenant's license, or the other environment's, is answered exactly like one that does not exist.
    private static IResult NotFound(string id) => ApiErrorWriter.Result(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"No license {id}.");
}
