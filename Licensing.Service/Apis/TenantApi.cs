using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Keys;
using Platform.Licensing.Infrastructure;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Licensing.Apis;

internal sealed record TenantSettingsRequest(
    string? Name,
    string? KeyPrefix);

internal sealed record TenantResponse(
    string Id,
    string Name,
    string Plan,
    string KeyPrefix,
    string Environment,
    DateTimeOffset CreatedAt);

/// <summary>The caller's tenant: its name and the prefix of new license keys can change; its rate-limit plan is the operator's to set.</summary>
internal static class TenantApi
{
    public static void MapTenantApi(this RouteGroupBuilder api)
    {
        var tenant = api.MapGroup("/tenant").WithTags("Tenant");
        tenant.MapGet("", GetAsync).Answers<TenantResponse>();
        tenant.MapPatch("", UpdateAsync).Answers<TenantResponse>();
        tenant.MapPut("", UpdateAsync).Answers<TenantResponse>();
    }

    private static async Task<IResult> GetAsync(CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == caller.TenantId, cancellationToken);
        return TypedResults.Ok(Response(tenant, caller));
    }

    private static async Task<IResult> UpdateAsync(TenantSettingsRequest request, CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken)
    {
        var problem = new ValidationProblem();
        if (request.Name is { } name && name.Trim().Length is 0 or > 200)
        {
            problem.Invalid("name", "must be 1 to 200 characters");
        }

        if (request.KeyPrefix is { } prefix && !LicenseKeyFormat.IsValidPrefix(prefix))
        {
            problem.Invalid("key_prefix", "must be 2 to 8 upper-case letters or digits");
        }

        if (problem.HasErrors)
        {
            return problem.ToResult();
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Id == caller.TenantId, cancellationToken);
        tenant.Name = request.Name?.Trim() ?? tenant.Name;
        tenant.KeyPrefix = request.KeyPrefix ?? tenant.KeyPrefix;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Response(tenant, caller));
    }

    private static TenantResponse Response(Model.Tenant tenant, CallerIdentity caller) =>
        new(tenant.Id, tenant.Name, tenant.Plan.ToString().ToLowerInvariant(), tenant.KeyPrefix, caller.Environment, tenant.CreatedAt);
}
