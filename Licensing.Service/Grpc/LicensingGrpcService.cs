using Microsoft.EntityFrameworkCore;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.Protos.Licensing.V1;
using Platform.ServiceDefaults.Grpc;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Platform.Licensing.Grpc;

/// <summary>The internal API of <c>licensing.v1.Licensing</c>. Methods not written yet answer UNIMPLEMENTED.</summary>
internal sealed class LicensingGrpcService(LicensingDbContext db, Activations activations) : IGrpcService
{
    // last_used_at is bookkeeping: refreshed at most once a minute per key, not on every request.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static ServiceDescriptor Descriptor => LicensingReflection.Descriptor.Services[0];

    public async Task<LicenseSnapshot> GetLicenseByKey(GetLicenseByKeyRequest request, ServerCallContext context)
    {
        var key = RequireKey(request.Key);
        var license = await db.Licenses.AsNoTracking().SingleOrDefaultAsync(l => l.Key == key, context.CancellationToken)
            ?? throw new RpcException(StatusCode.NotFound, "No license has this key.");
        return LicenseSnapshots.Of(license);
    }

    public async Task<ActivateResponse> Activate(ActivateRequest request, ServerCallContext context)
    {
        var key = RequireKey(request.Key);
        if (request.Fingerprint.Length is 0 or > 256)
        {
            throw new RpcException(StatusCode.InvalidArgument, "A fingerprint of 1 to 256 characters is required.");
        }

        var details = new MachineDetails(request.Fingerprint, Optional(request.Name), Optional(request.Platform), Optional(request.Hostname), Optional(request.Ip));
        try
        {
            var result = await activations.ActivateAsync(key, details, context.CancellationToken);
            return new ActivateResponse
            {
                MachineId = result.Machine.Id,
                NewlyActivated = result.NewlyActivated,
                Activations = result.Activations,
                License = LicenseSnapshots.Of(result.License),
            };
        }
        catch (KeyNotFoundException)
        {
            throw new RpcException(StatusCode.NotFound, "No license has this key.");
        }
        catch (ActivationRefusedException ex)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message), new Metadata { { "x-error-code", ex.Code } });
        }
    }

    public async Task<DeactivateResponse> Deactivate(DeactivateRequest request, ServerCallContext context)
    {
        var key = RequireKey(request.Key);
        try
        {
            var (license, count) = await activations.DeactivateAsync(key, request.Fingerprint, context.CancellationToken)
                ?? throw new RpcException(StatusCode.NotFound, "This machine is not activated on the license.");
            return new DeactivateResponse { Activations = count, License = LicenseSnapshots.Of(license) };
        }
        catch (KeyNotFoundException)
        {
            throw new RpcException(StatusCode.NotFound, "No license has this key.");
        }
    }

    private static string RequireKey(string input) =>
        Contracts.Keys.LicenseKeyFormat.TryNormalize(input, out var key) ? key : throw new RpcException(StatusCode.InvalidArgument, "The key's format or checksum is wrong.");

    private static string? Optional(string value) => value.Length == 0 ? null : value[..Math.Min(value.Length, 256)];

    public async Task<ResolveApiKeyResponse> ResolveApiKey(ResolveApiKeyRequest request, ServerCallContext context)
    {
        if (ApiKeySecret.EnvironmentOf(request.ApiKey) is null)
        {
            throw new RpcException(StatusCode.Unauthenticated, "Not an API key of this platform.");
        }

        var digest = ApiKeySecret.Digest(request.ApiKey);
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Digest == digest && k.RevokedAt == null)
            .Join(db.Tenants, k => k.TenantId, t => t.Id, (k, t) => new { Key = k, t.Plan })
            .SingleOrDefaultAsync(context.CancellationToken)
            ?? throw new RpcException(StatusCode.Unauthenticated, "Unknown or revoked API key.");

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
