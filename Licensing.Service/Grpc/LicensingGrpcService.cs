using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Keys;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.Protos.Licensing.V1;
using Grpc.Core;
using LicensingBase = Platform.Protos.Licensing.V1.Licensing.LicensingBase;

namespace Platform.Licensing.Grpc;

/// <summary>
/// The internal API of <c>licensing.v1.Licensing</c>: reads for Validation and the Gateway, the writes of the
/// run-time API (machines, domains, seats, usage) and Billing's commands, split over the partial files.
/// </summary>
internal sealed partial class LicensingGrpcService(
    LicensingDbContext db, SnapshotReads snapshots, Activations activations, Seats seats, DomainBindings domains, UsageRecorder usage, LicenseCommands commands) : LicensingBase
{
    /// <summary>A license by its key, or by its previous key after a rotation (the snapshot then says until when that key is valid).</summary>
    public override async Task<LicenseSnapshot> GetLicenseByKey(GetLicenseByKeyRequest request, ServerCallContext context)
    {
        var key = RequireKey(request.Key);
        var snapshot = await snapshots.ReadAsync(key).WaitAsync(context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No license has this key."));
        GrpcCaller.Of(context).RequireTenant(snapshot.TenantId, snapshot.Environment);
        return snapshot;
    }

    public override async Task<GetLicensesByKeysResponse> GetLicensesByKeys(GetLicensesByKeysRequest request, ServerCallContext context)
    {
        if (request.Keys.Count > GetLicensesByKeysRequest.MaxKeys)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"At most {GetLicensesByKeysRequest.MaxKeys} keys may be read at once."));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in request.Keys)
        {
            if (LicenseKeyFormat.Classify(input, out var key) != LicenseKeyKind.Invalid)
            {
                keys.Add(key);
            }
        }

        var response = new GetLicensesByKeysResponse();
        response.Licenses.Add(await snapshots.FindAsync(keys, context.CancellationToken));
        var caller = GrpcCaller.Of(context);
        foreach (var snapshot in response.Licenses)
        {
            caller.RequireTenant(snapshot.TenantId, snapshot.Environment);
        }

        return response;
    }

    public override async Task<ActivateResponse> Activate(ActivateRequest request, ServerCallContext context)
    {
        var key = await RequireOwnKeyAsync(request.Key, context);
        if (request.Fingerprint.Length is 0 or > 256)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "A fingerprint of 1 to 256 characters is required."));
        }

        var details = new MachineDetails(request.Fingerprint, Optional(request.Name), Optional(request.Platform), Optional(request.Hostname), Optional(request.Ip));
        var result = await RefusalsAsync(() => activations.ActivateAsync(key, details, context.CancellationToken));
        return new ActivateResponse
        {
            MachineId = result.Machine.Id,
            NewlyActivated = result.NewlyActivated,
            Activations = result.Activations,
            License = await LicenseSnapshots.ReadAsync(db, result.License, key, context.CancellationToken),
        };
    }

    public override async Task<DeactivateResponse> Deactivate(DeactivateRequest request, ServerCallContext context)
    {
        var key = await RequireOwnKeyAsync(request.Key, context);
        var (license, count) = await RefusalsAsync(() => activations.DeactivateAsync(key, request.Fingerprint, context.CancellationToken))
            ?? throw new RpcException(new Status(StatusCode.NotFound, "This machine is not activated on the license."));
        return new DeactivateResponse { Activations = count, License = await LicenseSnapshots.ReadAsync(db, license, key, context.CancellationToken) };
    }

    public override async Task<LicenseSnapshot> BindDomain(BindDomainRequest request, ServerCallContext context)
    {
        var key = await RequireOwnKeyAsync(request.Key, context);
        var domain = request.Domain.Trim();
        if (domain.Length is 0 or > DomainBindings.MaxDomainLength || domain.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '@'))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "A domain name of 1 to 253 characters is required."));
        }

        var license = await RefusalsAsync(() => domains.BindAsync(key, domain, context.CancellationToken));
        return await LicenseSnapshots.ReadAsync(db, license, key, context.CancellationToken);
    }

    /// <summary>The canonical key, or INVALID_ARGUMENT for a string that cannot be a key.</summary>
    private static string RequireKey(string input) =>
        LicenseKeyFormat.Classify(input, out var key) == LicenseKeyKind.Invalid
            ? throw new RpcException(new Status(StatusCode.InvalidArgument, "The key's format or checksum is wrong."))
            : key;

    /// <summary>
    /// The canonical key, as <see cref="RequireKey"/>; for a tenant's caller also PERMISSION_DENIED before anything changes
    /// when the license is another tenant's. A key no license has is left to the method (NOT_FOUND).
    /// </summary>
    private async Task<string> RequireOwnKeyAsync(string input, ServerCallContext context)
    {
        var key = RequireKey(input);
        var caller = GrpcCaller.Of(context);
        if (caller.Identity is not null)
        {
            var owner = await db.Licenses.AsNoTracking()
                .Where(l => l.Key == key || l.PreviousKey == key)
                .Select(l => new { l.TenantId, l.Environment })
                .FirstOrDefaultAsync(context.CancellationToken);
            if (owner is not null)
            {
                caller.RequireTenant(owner.TenantId, owner.Environment.ToString().ToLowerInvariant());
            }
        }

        return key;
    }

    private static string? Optional(string value) => value.Length == 0 ? null : value[..Math.Min(value.Length, 256)];

    /// <summary>The model's refusals as gRPC statuses: FAILED_PRECONDITION with the stable code in the <c>x-error-code</c> trailer.</summary>
    private static async Task<T> RefusalsAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (KeyNotFoundException)
        {
            throw new RpcException(new Status(StatusCode.NotFound, "No license has this key."));
        }
        catch (LicenseRefusedException ex)
        {
            throw Refused(ex.Code, ex.Message);
        }
        catch (LicenseStateException ex)
        {
            throw Refused("LICENSE_STATE_CONFLICT", ex.Message);
        }
        catch (LicenseReferenceException ex)
        {
            throw new RpcException(new Status(StatusCode.NotFound, ex.Message));
        }
        catch (LicenseTermsException ex)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, ex.Message));
        }
    }

    private static RpcException Refused(string code, string message) =>
        new(new Status(StatusCode.FailedPrecondition, message), new Metadata { { "x-error-code", code } });
}
