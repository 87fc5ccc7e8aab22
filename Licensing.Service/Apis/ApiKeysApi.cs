using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Licensing.Apis;

internal sealed record CreateApiKeyRequest(
    string? Name,
    List<string>? Scopes);

internal sealed record ApiKeyResponse(
    string Id,
    string Name,
    string Environment,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret)
{
    public static ApiKeyResponse Of(ApiKey key, string? secret = null) => new(
        key.Id, key.Name, key.Environment.ToString().ToLowerInvariant(), key.DisplayPrefix, key.Scopes, key.CreatedAt, key.LastUsedAt, key.RevokedAt, secret);
}

/// <summary>
/// The tenant's API keys in the caller's environment. The secret is shown once, on creation; only its digest
/// is kept. Revoking publishes <c>api_key.revoked</c>, on which the Gateway drops the key at once.
/// </summary>
internal static class ApiKeysApi
{
    private static readonly HashSet<string> KnownScopes = [ApiKey.AdminScope, ApiKey.ValidateScope];

    public static void MapApiKeysApi(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys");
        keys.MapPost("", CreateAsync).Answers<ApiKeyResponse>(StatusCodes.Status201Created);
        keys.MapGet("", ListAsync).Answers<Page<ApiKeyResponse>>();
        keys.MapDelete("/{id}", RevokeAsync).Answers<ApiKeyResponse>();
    }

    private static async Task<IResult> CreateAsync(CreateApiKeyRequest request, CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken)
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

        var scopes = request.Scopes ?? [ApiKey.AdminScope];
        if (scopes.Count == 0 || scopes.Any(s => !KnownScopes.Contains(s)))
        {
            problem.Invalid("scopes", "must be a non-empty list of admin and validate");
        }

        if (problem.HasErrors)
        {
            return problem.ToResult();
        }

        var scope = ApiScope.Of(caller);
        var secret = ApiKeySecret.Generate(scope.Environment);
        var key = new ApiKey
        {
            Id = Ids.New("key"),
            TenantId = scope.TenantId,
            Environment = scope.Environment,
            Name = request.Name!.Trim(),
            Digest = ApiKeySecret.Digest(secret),
            DisplayPrefix = secret[..12],
            Scopes = [.. scopes.Distinct()],
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", ApiKeyResponse.Of(key, secret));
    }

    private static Task<IResult> ListAsync(CallerIdentity caller, LicensingDbContext db, [FromQuery] int? page, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken cancellationToken)
    {
        var scope = ApiScope.Of(caller);
        var query = db.ApiKeys.AsNoTracking().Where(k => k.TenantId == scope.TenantId && k.Environment == scope.Environment);
        return Paging.PageAsync(query.OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id), page, limit, offset, k => ApiKeyResponse.Of(k), cancellationToken);
    }

    private static async Task<IResult> RevokeAsync(string id, CallerIdentity caller, LicensingDbContext db, CancellationToken cancellationToken)
    {
        var scope = ApiScope.Of(caller);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.TenantId == scope.TenantId && k.Environment == scope.Environment, cancellationToken);
        if (key is null)
        {
            return ApiErrorWriter.Result(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"No API key {id}.");
        }

        if (key.RevokedAt is null)
        {
            var now = DateTimeOffset.UtcNow;
            key.RevokedAt = now;
            ApiKeyEvents.RecordRevoked(db, key, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(ApiKeyResponse.Of(key));
    }
}
