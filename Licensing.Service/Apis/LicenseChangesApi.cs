using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Keys;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;
using static Platform.Licensing.Apis.LicenseResults;

namespace Platform.Licensing.Apis;

/// <summary>Changes to one license: status, terms, renewal, key rotation. Each records its event in the same transaction.</summary>
internal static class LicenseChangesApi
{
    private const int MaxGraceDays = 365;

    public static void MapLicenseChanges(this RouteGroupBuilder licenses)
    {
        licenses.MapPost("/{id}/suspend", (string id, CallerIdentity caller, LicensingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, caller, db, (license, _, now) => license.Suspend(now), ct)).Answers<LicenseView>();
        licenses.MapPost("/{id}/reinstate", (string id, CallerIdentity caller, LicensingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, caller, db, (license, _, now) => license.Reinstate(now), ct)).Answers<LicenseView>();
        licenses.MapDelete("/{id}", (string id, CallerIdentity caller, LicensingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, caller, db, (license, _, now) => license.Revoke(now), ct)).Answers<LicenseView>();
        licenses.MapPost("/{id}/renew", (string id, RenewLicenseRequest? request, CallerIdentity caller, LicensingDbContext db, CancellationToken ct) =>
            ChangeAsync(id, caller, db, (license, plan, now) => license.Renew(request?.ExpiresAt, plan?.DurationDays, now), ct)).Answers<LicenseView>();
        licenses.MapPut("/{id}", UpdateAsync).Answers<LicenseView>();
        licenses.MapPatch("/{id}", UpdateAsync).Answers<LicenseView>();
        licenses.MapPost("/rotate", RotateAsync).Answers<RotateLicenseResponse>();
    }

    /// <summary>Applies a lifecycle change; a change that changes nothing records nothing.</summary>
    private static Task<IResult> ChangeAsync(string id, CallerIdentity caller, LicensingDbContext db, Func<License, Plan?, DateTimeOffset, string?> change, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var license = await LicensesApi.FindAsync(db.Licenses, id, ApiScope.Of(caller), cancellationToken);
            if (license is null)
            {
                return NotFound(id);
            }

            var now = DateTimeOffset.UtcNow;
            if (change(license, await db.PlanOfAsync(license, cancellationToken), now) is { } eventType)
            {
                await RecordAndSaveAsync(db, eventType, license, now, cancellationToken);
            }

            return TypedResults.Ok(await LicenseViews.ForAsync(db, license, cancellationToken));
        });

    private static Task<IResult> UpdateAsync(string id, UpdateLicenseRequest request, CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var problem = new ValidationProblem();
            var email = LicenseDraft.Email(request.CustomerEmail, problem);
            var maxActivations = LicenseDraft.Limit(request.MaxActivations, "max_activations", problem);
            var maxDomains = LicenseDraft.Limit(request.MaxDomains, "max_domains", problem);
            var maxSeats = LicenseDraft.Limit(request.MaxSeats, "max_seats", problem);
            var domains = request.Domains is null ? null : LicenseDraft.Domains(request.Domains, problem);
            var features = request.Features is null ? null : LicenseDraft.Features(request.Features, problem);
            var metadata = request.Metadata is null ? null : Metadata.Read(request.Metadata, problem);
            if (problem.HasErrors)
            {
                return problem.ToResult();
            }

            var scope = ApiScope.Of(caller);
            var license = await LicensesApi.FindAsync(db.Licenses, id, scope, cancellationToken);
            if (license is null)
            {
                return NotFound(id);
            }

            if (request.PlanId is { } planId && planId != license.PlanId)
            {
                var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId && p.TenantId == scope.TenantId && p.Environment == scope.Environment, cancellationToken);
                if (plan is null || plan.ProductId != license.ProductId)
                {
                    return ApiErrorWriter.Result(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"No plan {planId} for this license's product.");
                }

                license.PlanId = plan.Id;
            }

            license.CustomerEmail = email ?? license.CustomerEmail;
            license.MaxActivations = maxActivations ?? license.MaxActivations;
            license.MaxDomains = maxDomains ?? license.MaxDomains;
            license.MaxSeats = maxSeats ?? license.MaxSeats;
            if (domains is not null)
            {
                license.Domains = domains;
                license.DomainsFixed = domains.Count > 0;
            }

            license.Features = features ?? license.Features;
            license.Metadata = metadata ?? license.Metadata;
            license.ExpiresAt = request.ExpiresAt ?? license.ExpiresAt;
            if (db.ChangeTracker.HasChanges())
            {
                var now = DateTimeOffset.UtcNow;
                await RecordAndSaveAsync(db, license.Updated(now), license, now, cancellationToken);
            }

            return TypedResults.Ok(await LicenseViews.ForAsync(db, license, cancellationToken));
        });

    private static Task<IResult> RotateAsync(RotateLicenseRequest request, CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var id = request.LicenseId;
            var graceDays = request.GracePeriodDays ?? 0;
            var problem = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(id))
            {
                problem.Missing("licenseId");
            }

            if (graceDays is < 0 or > MaxGraceDays)
            {
                problem.Invalid("gracePeriodDays", $"must be between 0 and {MaxGraceDays}");
            }

            if (problem.HasErrors)
            {
                return problem.ToResult();
            }

            var scope = ApiScope.Of(caller);
            var license = await LicensesApi.FindAsync(db.Licenses, id!, scope, cancellationToken);
            if (license is null)
            {
                return NotFound(id!);
            }

            var now = DateTimeOffset.UtcNow;
            var prefix = await db.Tenants.Where(t => t.Id == scope.TenantId).Select(t => t.KeyPrefix).SingleAsync(cancellationToken);
            var graceUntil = now.AddDays(graceDays);
            var eventType = license.Rotate(LicenseKeyFormat.Generate(prefix), graceUntil, now);
            // The event names the new key but never the old one: it may still be in a customer's hands for a while.
            LicenseEvents.Record(db, eventType, license, now, await LicenseViews.ForAsync(db, license, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(new RotateLicenseResponse(license.Id, license.Key, graceUntil));
        });

    private static async Task RecordAndSaveAsync(LicensingDbContext db, string eventType, License license, DateTimeOffset now, CancellationToken cancellationToken)
    {
        LicenseEvents.Record(db, eventType, license, now, await LicenseViews.ForAsync(db, license, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }
}
