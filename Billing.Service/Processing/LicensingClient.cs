using Grpc.Core;
using Platform.Protos.Licensing.V1;
using GeneratedClient = Platform.Protos.Licensing.V1.Licensing.LicensingClient;

namespace Platform.Billing.Processing;

/// <summary>The typed client of Licensing's commands for Billing (<c>licensing.v1.Licensing</c>); each is idempotent on its key.</summary>
internal sealed class LicensingClient(GeneratedClient client)
{
    /// <summary>Every command carries an idempotency key, so a repeat after UNAVAILABLE changes nothing twice.</summary>
    public static readonly string[] RetriedMethods =
        ["CreateLicense", "RenewLicense", "SuspendLicense", "ReinstateLicense", "RevokeLicense", "ChangeLicensePlan"];

    /// <summary>How long one command may take before it counts as Licensing being unavailable.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public Task<LicenseSnapshot> CreateAsync(CreateLicenseCommand command, CancellationToken cancellationToken) => client.CreateLicenseAsync(command, Options(cancellationToken)).ResponseAsync;

    public Task<LicenseSnapshot> RenewAsync(RenewLicenseCommand command, CancellationToken cancellationToken) => client.RenewLicenseAsync(command, Options(cancellationToken)).ResponseAsync;

    /// <summary>
    /// Renews, unless the license's status refuses it (suspended or revoked by the vendor, or by a newer failed
    /// payment): then the refusal, which is an answer rather than an error for Billing.
    /// </summary>
    public async Task<string?> TryRenewAsync(RenewLicenseCommand command, CancellationToken cancellationToken)
    {
        try
        {
            await RenewAsync(command, cancellationToken);
            return null;
        }
        catch (RpcException ex) when (LicensingErrors.IsStateConflict(ex))
        {
            return ex.Status.Detail;
        }
    }

    public Task<LicenseSnapshot> SuspendAsync(LicenseCommand command, CancellationToken cancellationToken) => client.SuspendLicenseAsync(command, Options(cancellationToken)).ResponseAsync;

    public Task<LicenseSnapshot> ReinstateAsync(LicenseCommand command, CancellationToken cancellationToken) => client.ReinstateLicenseAsync(command, Options(cancellationToken)).ResponseAsync;

    public Task<LicenseSnapshot> RevokeAsync(LicenseCommand command, CancellationToken cancellationToken) => client.RevokeLicenseAsync(command, Options(cancellationToken)).ResponseAsync;

    public Task<LicenseSnapshot> ChangePlanAsync(ChangeLicensePlanCommand command, CancellationToken cancellationToken) => client.ChangeLicensePlanAsync(command, Options(cancellationToken)).ResponseAsync;

    private static CallOptions Options(CancellationToken cancellationToken) => new(deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);
}
