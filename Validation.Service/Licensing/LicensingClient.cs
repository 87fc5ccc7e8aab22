using Google.Protobuf;
using Platform.ServiceDefaults.Grpc.Client;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Platform.Validation.Licensing;

/// <summary>The typed client of <c>licensing.v1.Licensing</c>: every call carries the configured deadline.</summary>
internal sealed class LicensingClient(CallInvoker invoker, IOptions<ValidationOptions> options)
{
    private static readonly ServiceDescriptor Service = LicensingReflection.Descriptor.Services[0];
    private static readonly Method<GetLicenseByKeyRequest, LicenseSnapshot> GetLicenseByKeyMethod = Method.From<GetLicenseByKeyRequest, LicenseSnapshot>(Service, "GetLicenseByKey");
    private static readonly Method<GetLicensesByKeysRequest, GetLicensesByKeysResponse> GetLicensesByKeysMethod = Method.From<GetLicensesByKeysRequest, GetLicensesByKeysResponse>(Service, "GetLicensesByKeys");
    private static readonly Method<ActivateRequest, ActivateResponse> ActivateMethod = Method.From<ActivateRequest, ActivateResponse>(Service, "Activate");
    private static readonly Method<DeactivateRequest, DeactivateResponse> DeactivateMethod = Method.From<DeactivateRequest, DeactivateResponse>(Service, "Deactivate");
    private static readonly Method<BindDomainRequest, LicenseSnapshot> BindDomainMethod = Method.From<BindDomainRequest, LicenseSnapshot>(Service, "BindDomain");
    private static readonly Method<CheckoutSeatRequest, SeatLease> CheckoutSeatMethod = Method.From<CheckoutSeatRequest, SeatLease>(Service, "CheckoutSeat");
    private static readonly Method<HeartbeatSeatRequest, SeatLease> HeartbeatSeatMethod = Method.From<HeartbeatSeatRequest, SeatLease>(Service, "HeartbeatSeat");
    private static readonly Method<CheckinSeatRequest, CheckinSeatResponse> CheckinSeatMethod = Method.From<CheckinSeatRequest, CheckinSeatResponse>(Service, "CheckinSeat");
    private static readonly Method<RecordUsageRequest, RecordUsageResponse> RecordUsageMethod = Method.From<RecordUsageRequest, RecordUsageResponse>(Service, "RecordUsage");

    public Task<LicenseSnapshot> GetLicenseByKeyAsync(string key, CancellationToken cancellationToken) =>
        CallAsync(GetLicenseByKeyMethod, new GetLicenseByKeyRequest { Key = key }, cancellationToken);

    public Task<GetLicensesByKeysResponse> GetLicensesByKeysAsync(IEnumerable<string> keys, CancellationToken cancellationToken) =>
        CallAsync(GetLicensesByKeysMethod, new GetLicensesByKeysRequest { Keys = { keys } }, cancellationToken);

    public Task<ActivateResponse> ActivateAsync(ActivateRequest request, CancellationToken cancellationToken) =>
        CallAsync(ActivateMethod, request, cancellationToken);

    public Task<DeactivateResponse> DeactivateAsync(DeactivateRequest request, CancellationToken cancellationToken) =>
        CallAsync(DeactivateMethod, request, cancellationToken);

    public Task<LicenseSnapshot> BindDomainAsync(string key, string domain, CancellationToken cancellationToken) =>
        CallAsync(BindDomainMethod, new BindDomainRequest { Key = key, Domain = domain }, cancellationToken);

    public Task<SeatLease> CheckoutSeatAsync(CheckoutSeatRequest request, CancellationToken cancellationToken) =>
        CallAsync(CheckoutSeatMethod, request, cancellationToken);

    public Task<SeatLease> HeartbeatSeatAsync(HeartbeatSeatRequest request, CancellationToken cancellationToken) =>
        CallAsync(HeartbeatSeatMethod, request, cancellationToken);

    public Task<CheckinSeatResponse> CheckinSeatAsync(CheckinSeatRequest request, CancellationToken cancellationToken) =>
        CallAsync(CheckinSeatMethod, request, cancellationToken);

    public Task<RecordUsageResponse> RecordUsageAsync(RecordUsageRequest request, CancellationToken cancellationToken) =>
        CallAsync(RecordUsageMethod, request, cancellationToken);

    private Task<TResponse> CallAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        invoker.UnaryAsync(method, request, CallOptions.WithTimeout(options.Value.LicensingTimeout, cancellationToken: cancellationToken)).ResponseAsync;
}
