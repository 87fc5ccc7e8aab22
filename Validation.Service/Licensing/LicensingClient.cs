using GeneratedClient = Platform.Protos.Licensing.V1.Licensing.LicensingClient;

namespace Platform.Validation.Licensing;

/// <summary>
/// Licensing's <c>licensing.v1.Licensing</c> as Validation calls it (the generated client from <c>Grpc.Net.ClientFactory</c>):
/// every call carries the configured deadline.
/// </summary>
internal sealed class LicensingClient(GeneratedClient client, IOptions<ValidationOptions> options)
{
    /// <summary>The methods safe to repeat, retried by the channel when Licensing is UNAVAILABLE (reads; binding is idempotent).</summary>
    public static readonly string[] RetriedMethods = ["GetLicenseByKey", "GetLicensesByKeys", "BindDomain", "HeartbeatSeat"];

    public Task<LicenseSnapshot> GetLicenseByKeyAsync(string key, CancellationToken cancellationToken) =>
        client.GetLicenseByKeyAsync(new GetLicenseByKeyRequest { Key = key }, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync;

    public Task<GetLicensesByKeysResponse> GetLicensesByKeysAsync(IEnumerable<string> keys, CancellationToken cancellationToken) =>
        client.GetLicensesByKeysAsync(new GetLicensesByKeysRequest { Keys = { keys } }, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync;

    public Task<ActivateResponse> ActivateAsync(ActivateRequest request, CancellationToken cancellationToken) =>
        client.ActivateAsync(request, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync;

    public Task<DeactivateResponse> DeactivateAsync(DeactivateRequest request, CancellationToken cancellationToken) =>
        client.DeactivateAsync(request, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync;

    public Task<LicenseSnapshot> BindDomainAsync(string key, string domain, CancellationToken cancellationToken) =>
        client.BindDomainAsync(new BindDomainRequest { Key = key, Domain = domain }, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync;

    public Task<SeatLease> CheckoutSeatAsync(CheckoutSeatRequest request, CancellationToken cancellationToken) =>
        client.CheckoutSeatAsync(request, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync;

    public Task<SeatLease> HeartbeatSeatAsync(HeartbeatSeatRequest request, CancellationToken cancellationToken) =>
        client.HeartbeatSeatAsync(request, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync;

    public Task<CheckinSeatResponse> CheckinSeatAsync(CheckinSeatRequest request, CancellationToken cancellationToken) =>
        client.CheckinSeatAsync(request, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync;

    public Task<RecordUsageResponse> RecordUsageAsync(RecordUsageRequest request, CancellationToken cancellationToken) =>
        client.RecordUsageAsync(request, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync;

    private DateTime Deadline() => DateTime.UtcNow + options.Value.LicensingTimeout;
}
