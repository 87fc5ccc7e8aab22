using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Model;
using Platform.Protos.Licensing.V1;
using Grpc.Core;

namespace Platform.Licensing.Grpc;

internal sealed partial class LicensingGrpcService
{
    // last_used_at is bookkeeping: refreshed at most once a minute per key, not on every request.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public override async Task<ResolveApiKeyResponse> ResolveApiKey(ResolveApiKeyRequest request, ServerCallContext context)
    {
        if (ApiKeySecret.EnvironmentOf(request.ApiKey) is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, "Not an API key of this platform."));
        }

        var digest = ApiKeySecret.Digest(request.ApiKey);
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Digest == digest && k.RevokedAt == null)
            .Join(db.Tenants, k => k.TenantId, t => t.Id, (k, t) => new { Key = k, t.Plan })
            .SingleOrDefaultAsync(context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "Unknown or revoked API key."));

        var now = DateTimeOffset.UtcNow;
        if (found.Key.LastUsedAt is null || now - found.Key.LastUsedAt > LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == found.Key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), context.CancellationToken);
        }

        var response = new ResolveApiKeyResponse
        {
            TenantId = found.Key.TenantId,
            Environment = found.Key.Environment.ToString().ToLowerInvariant(),
            Plan = found.Plan.ToString().ToLowerInvariant(),
            KeyId = found.Key.Id,
        };
        response.Scopes.Add(found.Key.Scopes);
        return response;
    }
}
