using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Licensing.Apis;

/// <summary>Machines activated on the tenant's licenses: activate (idempotent per fingerprint), list, get, deactivate.</summary>
internal static class MachinesApi
{
    public static void MapMachinesApi(this RouteGroupBuilder api)
    {
        var machines = api.MapGroup("/machines").WithTags("Machines");
        machines.MapPost("", ActivateAsync).Answers<MachineResponse>(StatusCodes.Status201Created);
        machines.MapGet("", ListAsync).Answers<Page<MachineResponse>>();
        machines.MapGet("/{id}", GetAsync).Answers<MachineResponse>();
        machines.MapDelete("/{id}", DeactivateAsync);
        api.MapGet("/licenses/{id}/machines", (string id, CallerIdentity caller, LicensingDbContext db, int? page, int? limit, int? offset, CancellationToken ct) =>
            ListAsync(caller, db, page, limit, offset, id, ct)).WithTags("Machines").Answers<Page<MachineResponse>>().AllowPortal();
    }

    private static async Task<IResult> ActivateAsync(ActivateMachineRequest request, CallerIdentity caller, LicensingDbContext db, Activations activations, CancellationToken cancellationToken)
    {
        var problem = new ValidationProblem();
        var fingerprint = (request.Fingerprint ?? request.MachineId)?.Trim();
        if (string.IsNullOrWhiteSpace(request.LicenseId))
        {
            problem.Missing("license_id");
        }

        if (string.IsNullOrEmpty(fingerprint))
        {
            problem.Missing("fingerprint");
        }
        else if (fingerprint.Length > 256)
        {
            problem.Invalid("fingerprint", "is longer than 256 characters");
        }

        if (new[] { request.Name, request.Platform, request.Hostname, request.Ip }.Any(v => v?.Length > 256))
        {
            problem.Invalid("name, platform, hostname and ip", "are at most 256 characters");
        }

        if (problem.HasErrors)
        {
            return problem.ToResult();
        }

        var license = await LicensesApi.FindAsync(db.Licenses.AsNoTracking(), request.LicenseId!, ApiScope.Of(caller), cancellationToken);
        if (license is null)
        {
            return LicenseResults.NotFound(request.LicenseId!);
        }

        try
        {
            var result = await activations.ActivateAsync(license.Key, new MachineDetails(fingerprint!, request.Name, request.Platform, request.Hostname, request.Ip), cancellationToken);
            var body = MachineResponse.Of(result.Machine);
            return result.NewlyActivated ? TypedResults.Created($"/api/v1/machines/{body.Id}", body) : TypedResults.Ok(body);
        }
        catch (LicenseRefusedException ex)
        {
            return ApiErrorWriter.Result(StatusCodes.Status409Conflict, ex.Code, ex.Message);
        }
    }

    private static Task<IResult> ListAsync(
        CallerIdentity caller, LicensingDbContext db, [FromQuery] int? page, [FromQuery] int? limit, [FromQuery] int? offset,
        [FromQuery(Name = "license_id")] string? licenseId, CancellationToken cancellationToken)
    {
        var query = Scoped(db, ApiScope.Of(caller));
        if (licenseId is not null)
        {
            query = query.Where(m => m.LicenseId == licenseId);
        }

        return Paging.PageAsync(query.OrderByDescending(m => m.ActivatedAt).ThenBy(m => m.Id), page, limit, offset, MachineResponse.Of, cancellationToken);
    }

    private static async Task<IResult> GetAsync(string id, CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken)
    {
        var machine = await Scoped(db, ApiScope.Of(caller)).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return machine is null ? NotFound(id) : TypedResults.Ok(MachineResponse.Of(machine));
    }

    /// <summary>Frees the machine's slot on its license (event <c>license.deactivated</c>).</summary>
    private static async Task<IResult> DeactivateAsync(string id, CallerIdentity caller, LicensingDbContext db, Activations activations, CancellationToken cancellationToken)
    {
        var scope = ApiScope.Of(caller);
        var found = await db.Machines.AsNoTracking().Where(m => m.Id == id)
            .Join(LicensesApi.Scoped(db.Licenses, scope), m => m.LicenseId, l => l.Id, (m, l) => new { m.Fingerprint, l.Key })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || await activations.DeactivateAsync(found.Key, found.Fingerprint, cancellationToken) is null)
        {
            return NotFound(id);
        }

        return TypedResults.NoContent();
    }

    /// <summary>Machines of the caller's tenant and environment, through their licenses.</summary>
    private static IQueryable<Machine> Scoped(LicensingDbContext db, ApiScope scope) =>
        db.Machines.AsNoTracking().Join(LicensesApi.Scoped(db.Licenses, scope), m => m.LicenseId, l => l.Id, (m, _) => m);

    private static IResult NotFound(string id) => ApiErrorWriter.Result(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"No machine {id}.");
}
