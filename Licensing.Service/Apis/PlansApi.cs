using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Licensing.Apis;

/// <summary>Plans (policies): what licenses issued under them get. A change applies at once to every license on the plan.</summary>
internal static class PlansApi
{
    private const int MaxDurationDays = 36_500;

    public static void MapPlansApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapPost("", CreateAsync).Answers<PlanResponse>(StatusCodes.Status201Created);
        plans.MapGet("", ListAsync).Answers<Page<PlanResponse>>();
        plans.MapGet("/{id}", GetAsync).Answers<PlanResponse>();
        plans.MapPut("/{id}", UpdateAsync).Answers<PlanResponse>();
        plans.MapPatch("/{id}", UpdateAsync).Answers<PlanResponse>();
    }

    private static async Task<IResult> CreateAsync(PlanRequest request, CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken)
    {
        var problem = new ValidationProblem();
        if (string.IsNullOrWhiteSpace(request.ProductId))
        {
            problem.Missing("product_id");
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            problem.Missing("name");
        }

        var scope = ApiScope.Of(caller);
        var plan = new Plan
        {
            Id = Ids.New("plan"),
            TenantId = scope.TenantId,
            Environment = scope.Environment,
            ProductId = request.ProductId ?? "",
            Name = "",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Apply(plan, request, problem);
        if (problem.HasErrors)
        {
            return problem.ToResult();
        }

        if (!await db.Products.AnyAsync(p => p.Id == plan.ProductId && p.TenantId == scope.TenantId && p.Environment == scope.Environment, cancellationToken))
        {
            return ApiErrorWriter.Result(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"No product {plan.ProductId}.");
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/plans/{plan.Id}", PlanResponse.Of(plan));
    }

    private static Task<IResult> ListAsync(
        CallerIdentity caller, LicensingDbContext db, [FromQuery] int? page, [FromQuery] int? limit, [FromQuery] int? offset,
        [FromQuery(Name = "product_id")] string? productId, CancellationToken cancellationToken)
    {
        var query = Scoped(db, ApiScope.Of(caller)).AsNoTracking();
        if (productId is not null)
        {
            query = query.Where(p => p.ProductId == productId);
        }

        return Paging.PageAsync(query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id), page, limit, offset, PlanResponse.Of, cancellationToken);
    }

    private static async Task<IResult> GetAsync(string id, CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken)
    {
        var plan = await Scoped(db, ApiScope.Of(caller)).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return plan is null ? NotFound(id) : TypedResults.Ok(PlanResponse.Of(plan));
    }

    private static async Task<IResult> UpdateAsync(string id, PlanRequest request, CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken)
    {
        var plan = await Scoped(db, ApiScope.Of(caller)).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return NotFound(id);
        }

        var problem = new ValidationProblem();
        if (request.ProductId is not null && request.ProductId != plan.ProductId)
        {
            problem.Invalid("product_id", "cannot change; create a new plan for another product");
        }

        Apply(plan, request, problem);
        if (problem.HasErrors)
        {
            return problem.ToResult();
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PlanResponse.Of(plan));
    }

    /// <summary>Copies the fields the request has onto <paramref name="plan"/>, checking each.</summary>
    private static void Apply(Plan plan, PlanRequest request, ValidationProblem problem)
    {
        if (request.Name is { } name)
        {
            if (name.Trim().Length is 0 or > 200)
            {
                problem.Invalid("name", "must be 1 to 200 characters");
            }

            plan.Name = name.Trim();
        }

        if (request.LicenseType is not null)
        {
            plan.LicenseType = LicenseDraft.Type(request.LicenseType, problem) ?? plan.LicenseType;
        }

        if (request.DurationDays is { } days)
        {
            if (days is < 1 or > MaxDurationDays)
            {
                problem.Invalid("duration_days", $"must be between 1 and {MaxDurationDays}");
            }

            plan.DurationDays = days;
        }

        plan.MaxActivations = LicenseDraft.Limit(request.MaxActivations, "max_activations", problem) ?? plan.MaxActivations;
        plan.MaxDomains = LicenseDraft.Limit(request.MaxDomains, "max_domains", problem) ?? plan.MaxDomains;
        plan.MaxSeats = LicenseDraft.Limit(request.MaxSeats, "max_seats", problem) ?? plan.MaxSeats;
        plan.Features = request.Features is null ? plan.Features : LicenseDraft.Features(request.Features, problem);
        plan.RequiresActivation = request.RequiresActivation ?? plan.RequiresActivation;
        if (request.SeatLeaseSeconds is { } lease)
        {
            if (lease is < 30 or > 86_400)
            {
                problem.Invalid("seat_lease_seconds", "must be between 30 and 86400");
            }

            plan.SeatLeaseSeconds = lease;
        }

        if (request.OfflineGraceDays is { } grace)
        {
            if (grace is < 0 or > 365)
            {
                problem.Invalid("offline_grace_days", "must be between 0 and 365");
            }

            plan.OfflineGraceDays = grace;
        }

        if (request.ExpiryBehavior is { } behavior)
        {
            if (EnumNames.TryParse<ExpiryBehavior>(behavior.Replace("_", "", StringComparison.Ordinal), out var parsed))
            {
                plan.ExpiryBehavior = parsed;
            }
            else
            {
                problem.Invalid("expiry_behavior", "must be restrict, revoke or keep_access");
            }
        }

        if (request.Metadata is not null)
        {
            plan.Metadata = Metadata.Read(request.Metadata, problem);
        }
    }

    private static IQueryable<Plan> Scoped(LicensingDbContext db, ApiScope scope) =>
        db.Plans.Where(p => p.TenantId == scope.TenantId && p.Environment == scope.Environment);

    private static IResult NotFound(string id) => ApiErrorWriter.Result(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"No plan {id}.");
}
