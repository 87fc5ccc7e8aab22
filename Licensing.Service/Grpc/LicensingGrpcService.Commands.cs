using Platform.Protos.Licensing.V1;
using Grpc.Core;

namespace Platform.Licensing.Grpc;

internal sealed partial class LicensingGrpcService
{
    /// <summary>A command runs only in the caller's own tenant and environment; the model's refusals as gRPC statuses.</summary>
    private static Task<LicenseSnapshot> RefusalsAsync(string tenantId, string environment, ServerCallContext context, Func<Task<LicenseSnapshot>> command)
    {
        GrpcCaller.Of(context).RequireTenant(tenantId, environment);
        return RefusalsAsync(command);
    }

    public override Task<LicenseSnapshot> CreateLicense(CreateLicenseCommand request, ServerCallContext context) =>
        RefusalsAsync(request.TenantId, request.Environment, context, () => commands.CreateAsync(request, context.CancellationToken));

    public override Task<LicenseSnapshot> RenewLicense(RenewLicenseCommand request, ServerCallContext context) =>
        RefusalsAsync(request.TenantId, request.Environment, context, () => commands.RenewAsync(request, context.CancellationToken));

    public override Task<LicenseSnapshot> SuspendLicense(LicenseCommand request, ServerCallContext context) =>
        RefusalsAsync(request.TenantId, request.Environment, context, () => commands.ChangeAsync("SuspendLicense", request, (license, now) => license.Suspend(now), context.CancellationToken));

    public override Task<LicenseSnapshot> ReinstateLicense(LicenseCommand request, ServerCallContext context) =>
        RefusalsAsync(request.TenantId, request.Environment, context, () => commands.ChangeAsync("ReinstateLicense", request, (license, now) => license.Reinstate(now), context.CancellationToken));

    public override Task<LicenseSnapshot> ChangeLicensePlan(ChangeLicensePlanCommand request, ServerCallContext context) =>
        RefusalsAsync(request.TenantId, request.Environment, context, () => commands.ChangePlanAsync(request, context.CancellationToken));

    public override Task<LicenseSnapshot> RevokeLicense(LicenseCommand request, ServerCallContext context) =>
        RefusalsAsync(request.TenantId, request.Environment, context, () => commands.ChangeAsync("RevokeLicense", request, (license, now) => license.Revoke(now), context.CancellationToken));
}
