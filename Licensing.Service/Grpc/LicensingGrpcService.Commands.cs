using Platform.Protos.Licensing.V1;
using Platform.ServiceDefaults.Grpc;

namespace Platform.Licensing.Grpc;

internal sealed partial class LicensingGrpcService
{
    public Task<LicenseSnapshot> CreateLicense(CreateLicenseCommand request, ServerCallContext context) =>
        RefusalsAsync(() => commands.CreateAsync(request, context.CancellationToken));

    public Task<LicenseSnapshot> RenewLicense(RenewLicenseCommand request, ServerCallContext context) =>
        RefusalsAsync(() => commands.RenewAsync(request, context.CancellationToken));

    public Task<LicenseSnapshot> SuspendLicense(LicenseCommand request, ServerCallContext context) =>
        RefusalsAsync(() => commands.ChangeAsync("SuspendLicense", request, (license, now) => license.Suspend(now), context.CancellationToken));

    public Task<LicenseSnapshot> ReinstateLicense(LicenseCommand request, ServerCallContext context) =>
        RefusalsAsync(() => commands.ChangeAsync("ReinstateLicense", request, (license, now) => license.Reinstate(now), context.CancellationToken));

    public Task<LicenseSnapshot> ChangeLicensePlan(ChangeLicensePlanCommand request, ServerCallContext context) =>
        RefusalsAsync(() => commands.ChangePlanAsync(request, context.CancellationToken));

    public Task<LicenseSnapshot> RevokeLicense(LicenseCommand request, ServerCallContext context) =>
        RefusalsAsync(() => commands.ChangeAsync("RevokeLicense", request, (license, now) => license.Revoke(now), context.CancellationToken));
}
