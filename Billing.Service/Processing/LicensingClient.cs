using Platform.Protos.Licensing.V1;
using Platform.ServiceDefaults.Grpc.Client;

namespace Platform.Billing.Processing;

/// <summary>The typed client of Licensing's commands for Billing (<c>licensing.v1.Licensing</c>); each is idempotent on its key.</summary>
internal sealed class LicensingClient(CallInvoker invoker)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = LicensingReflection.Descriptor.Services[0];
    private static readonly Method<CreateLicenseCommand, LicenseSnapshot> Create = Method.From<CreateLicenseCommand, LicenseSnapshot>(Service, "CreateLicense");
    private static readonly Method<RenewLicenseCommand, LicenseSnapshot> Renew = Method.From<RenewLicenseCommand, LicenseSnapshot>(Service, "RenewLicense");
    private static readonly Method<LicenseCommand, LicenseSnapshot> Suspend = Method.From<LicenseCommand, LicenseSnapshot>(Service, "SuspendLicense");
    private static readonly Method<LicenseCommand, LicenseSnapshot> Reinstate = Method.From<LicenseCommand, LicenseSnapshot>(Service, "ReinstateLicense");
    private static readonly Method<LicenseCommand, LicenseSnapshot> Revoke = Method.From<LicenseCommand, LicenseSnapshot>(Service, "RevokeLicense");

    /// <summary>How long one command may take before it counts as Licensing being unavailable.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public Task<LicenseSnapshot> CreateAsync(CreateLicenseCommand command, CancellationToken cancellationToken) => CallAsync(Create, command, cancellationToken);

    public Task<LicenseSnapshot> RenewAsync(RenewLicenseCommand command, CancellationToken cancellationToken) => CallAsync(Renew, command, cancellationToken);

    public Task<LicenseSnapshot> SuspendAsync(LicenseCommand command, CancellationToken cancellationToken) => CallAsync(Suspend, command, cancellationToken);

    public Task<LicenseSnapshot> ReinstateAsync(LicenseCommand command, CancellationToken cancellationToken) => CallAsync(Reinstate, command, cancellationToken);

    public Task<LicenseSnapshot> RevokeAsync(LicenseCommand command, CancellationToken cancellationToken) => CallAsync(Revoke, command, cancellationToken);

    private async Task<LicenseSnapshot> CallAsync<TRequest>(Method<TRequest, LicenseSnapshot> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, Google.Protobuf.IMessage<TRequest> =>
        await invoker.UnaryAsync(method, request, CallOptions.WithTimeout(CallTimeout, cancellationToken: cancellationToken));
}
