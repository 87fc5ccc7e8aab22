using Grpc.Core;
using Platform.ServiceDefaults.Identity;
using Platform.Validation.Cache;
using Platform.Validation.Licensing;
using Platform.Validation.Usage;

namespace Platform.Validation.Model;

/// <summary>
/// A validation: the snapshot from the cache, the checks, the binding of a new domain (a write to Licensing,
/// whose answer the cache takes), and the usage counted for Licensing.
/// </summary>
internal sealed class LicenseValidation(SnapshotCache cache, LicensingClient licensing, UsageCounter usage, TimeProvider time)
{
    /// <remarks>A <see cref="ValueTask{TResult}"/>: a cache hit completes without awaiting, and then allocates no task.</remarks>
    public async ValueTask<ValidationResult> ValidateAsync(ValidationQuery query, CallerIdentity? caller, CancellationToken cancellationToken)
    {
        var lookup = await cache.LookupAsync(query.Key, cancellationToken);
        if (lookup.State == LookupState.Unavailable)
        {
            return ValidationResult.LicensingUnavailable;
        }

        if (lookup.License is not { } license || !CallerScope.CanSee(caller, license))
        {
            return new ValidationResult(null, Refusal.NotFound, false);
        }

        var now = time.GetUtcNow();
        var refusal = LicenseRules.Check(license, query, now);
        if (refusal is null && LicenseRules.NeedsDomainBinding(license, query))
        {
            try
            {
                license = cache.Accept(query.Key, await licensing.BindDomainAsync(query.Key, query.Domain!, cancellationToken));
            }
            catch (RpcException ex) when (LicensingRefusal.CodeOf(ex) is { } code)
            {
                refusal = Refusal.FromLicensing(code, ex.Status.Detail);
            }
            catch (RpcException)
            {
                // Binding is a write only Licensing can make: without it there is no answer.
                return ValidationResult.LicensingUnavailable;
            }
        }

        usage.Add(new UsageEntry(license.LicenseId, refusal?.Code ?? "valid", query.Domain ?? "", query.Machine ?? "", now));
        return new ValidationResult(license, refusal, lookup.ServedFromCache);
    }
}
