using System.Security.Cryptography;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Licensing.Apis;
using Platform.Licensing.Infrastructure;
using Platform.Licensing.Model;
using Platform.Protos.Licensing.V1;
using Grpc.Core;

namespace Platform.Licensing.Grpc;

/// <summary>
/// Runs Billing's commands exactly once per idempotency key: the change, its event and the answer are
/// committed together, and the same key again gets the stored answer (the same key with a different
/// request is refused). Two calls with one key racing each other: the loser's work is rolled back and it
/// answers as the winner did.
/// </summary>
internal sealed class LicenseCommands(LicensingDbContext db, LicenseIssuer issuer)
{
    private const string PostgresUniqueViolation = "23505";

    public Task<LicenseSnapshot> CreateAsync(CreateLicenseCommand command, CancellationToken cancellationToken) =>
        RunAsync("CreateLicense", command, command.IdempotencyKey, command.TenantId, command.Environment, async environment =>
        {
            var metadata = JsonSerializer.Serialize(command.Metadata.ToDictionary(p => p.Key, p => p.Value));
            var email = command.CustomerEmail.Length == 0 ? null : command.CustomerEmail.Trim().ToLowerInvariant();
            LicenseType? type = command.LicenseType.Length == 0 ? null
                : EnumNames.TryParse<LicenseType>(command.LicenseType, out var named) ? named
                : throw new LicenseTermsException("license_type", "must be perpetual, subscription, trial or floating");
            var spec = new LicenseSpec(command.ProductId, command.PlanId.Length == 0 ? null : command.PlanId, type, email,
                null, null, null, [], [], metadata, command.ExpiresAt?.ToDateTimeOffset(), LicenseOrigin.Billing);
            return await issuer.IssueAsync(command.TenantId, environment, spec, importedKey: null, cancellationToken);
        }, cancellationToken);

    public Task<LicenseSnapshot> RenewAsync(RenewLicenseCommand command, CancellationToken cancellationToken) =>
        RunAsync("RenewLicense", command, command.IdempotencyKey, command.TenantId, command.Environment, environment =>
            ChangeAsync(command.TenantId, environment, command.LicenseId, (license, plan, now) =>
                license.Renew(command.ExpiresAt?.ToDateTimeOffset(), plan?.DurationDays, now), cancellationToken), cancellationToken);

    public Task<LicenseSnapshot> ChangePlanAsync(ChangeLicensePlanCommand command, CancellationToken cancellationToken) =>
        RunAsync("ChangeLicensePlan", command, command.IdempotencyKey, command.TenantId, command.Environment, async environment =>
        {
            var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PlanId && p.TenantId == command.TenantId && p.Environment == environment, cancellationToken)
                ?? throw new LicenseReferenceException($"No plan {command.PlanId}.");
            return await ChangeAsync(command.TenantId, environment, command.LicenseId, (license, _, now) =>
            {
                if (plan.ProductId != license.ProductId)
                {
                    throw new LicenseReferenceException($"Plan {plan.Id} belongs to another product.");
                }

                if (license.PlanId == plan.Id)
                {
                    return null;
                }

                license.PlanId = plan.Id;
                return license.Updated(now);
            }, cancellationToken);
        }, cancellationToken);

    public Task<LicenseSnapshot> ChangeAsync(string name, LicenseCommand command, Func<License, DateTimeOffset, string?> change, CancellationToken cancellationToken) =>
        RunAsync(name, command, command.IdempotencyKey, command.TenantId, command.Environment, environment =>
            ChangeAsync(command.TenantId, environment, command.LicenseId, (license, _, now) => change(license, now), cancellationToken), cancellationToken);

    private async Task<License> ChangeAsync(string tenantId, ApiEnvironment environment, string licenseId, Func<License, Plan?, DateTimeOffset, string?> change, CancellationToken cancellationToken)
    {
        var license = await db.Licenses.SingleOrDefaultAsync(l => l.Id == licenseId && l.TenantId == tenantId && l.Environment == environment, cancellationToken)
            ?? throw new LicenseReferenceException($"No license {licenseId}.");
        var now = DateTimeOffset.UtcNow;
        if (change(license, await db.PlanOfAsync(license, cancellationToken), now) is { } eventType)
        {
            LicenseEvents.Record(db, eventType, license, now, await LicenseViews.ForAsync(db, license, cancellationToken));
        }

        return license;
    }

    private async Task<LicenseSnapshot> RunAsync(
        string name, IMessage request, string idempotencyKey, string tenantId, string environmentName,
        Func<ApiEnvironment, Task<License>> command, CancellationToken cancellationToken)
    {
        if (idempotencyKey.Length is 0 or > 255 || tenantId.Length == 0 || environmentName is not ("live" or "test"))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "idempotency_key (1 to 255 characters), tenant_id and environment (live or test) are required."));
        }

        var environment = environmentName == "live" ? ApiEnvironment.Live : ApiEnvironment.Test;
        var recordKey = $"grpc:{name}:{idempotencyKey}";
        var hash = SHA256.HashData(request.ToByteArray());
        if (await FindAsync(tenantId, environment, recordKey, cancellationToken) is { } earlier)
        {
            return Replay(earlier, hash);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var license = await command(environment);
        await db.SaveChangesAsync(cancellationToken);
        var snapshot = await LicenseSnapshots.ReadAsync(db, license, null, cancellationToken);
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            TenantId = tenantId,
            Environment = environment,
            Key = recordKey,
            RequestHash = hash,
            StatusCode = 0,
            Response = Convert.ToBase64String(snapshot.ToByteArray()),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return snapshot;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresUniqueViolation })
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return Replay((await FindAsync(tenantId, environment, recordKey, cancellationToken))!, hash);
        }
    }

    private Task<IdempotencyRecord?> FindAsync(string tenantId, ApiEnvironment environment, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.TenantId == tenantId && r.Environment == environment && r.Key == key, cancellationToken);

    private static LicenseSnapshot Replay(IdempotencyRecord earlier, byte[] hash) =>
        CryptographicOperations.FixedTimeEquals(earlier.RequestHash, hash)
            ? LicenseSnapshot.Parser.ParseFrom(Convert.FromBase64String(earlier.Response))
            : throw new RpcException(new Status(StatusCode.FailedPrecondition, "This idempotency key was used for a different command."),
                new global::Grpc.Core.Metadata { { "x-error-code", "IDEMPOTENCY_KEY_REUSED" } });
}
