namespace Platform.Validation.Apis;

/// <summary>
/// <c>POST /api/v1/seats/checkout</c> (key and <c>clientId</c>, or a machine id standing for it),
/// <c>/seats/heartbeat</c> and <c>/seats/checkin</c> (key and <c>leaseId</c>); snake_case accepted for each.
/// </summary>
internal sealed class SeatRequest
{
    public string? Key { get; set; }
    public string? LicenseKey { get; set; }
    public string? ClientId { get; set; }
    public string? MachineId { get; set; }
    public string? Fingerprint { get; set; }
    public string? LeaseId { get; set; }

    public string? AnyKey => Key ?? LicenseKey;
    public string? AnyClient => ClientId ?? MachineId ?? Fingerprint;
    public string? AnyLease => LeaseId;
}
