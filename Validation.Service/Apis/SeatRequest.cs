using System.Text.Json.Serialization;

namespace Platform.Validation.Apis;

/// <summary>
/// <c>POST /api/v1/seats/checkout</c> (key and <c>client_id</c>, or a machine id standing for it),
/// <c>/seats/heartbeat</c> and <c>/seats/checkin</c> (key and <c>lease_id</c>).
/// </summary>
internal sealed record SeatRequest(
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("license_key")] string? LicenseKey,
    [property: JsonPropertyName("licenseKey")] string? LicenseKeyCamel,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("clientId")] string? ClientIdCamel,
    [property: JsonPropertyName("machine_id")] string? MachineId,
    [property: JsonPropertyName("fingerprint")] string? Fingerprint,
    [property: JsonPropertyName("lease_id")] string? LeaseId,
    [property: JsonPropertyName("leaseId")] string? LeaseIdCamel)
{
    public string? AnyKey => Key ?? LicenseKey ?? LicenseKeyCamel;
    public string? AnyClient => ClientId ?? ClientIdCamel ?? MachineId ?? Fingerprint;
    public string? AnyLease => LeaseId ?? LeaseIdCamel;
}
