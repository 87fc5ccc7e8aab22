using System.Text.Json.Serialization;

namespace Platform.Validation.Apis;

/// <summary><c>POST /api/v1/activate</c> and <c>/deactivate</c>: the key and the machine, in any of the spellings validate accepts.</summary>
internal sealed record ActivationRequest(
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("license_key")] string? LicenseKey,
    [property: JsonPropertyName("licenseKey")] string? LicenseKeyCamel,
    [property: JsonPropertyName("machine_id")] string? MachineId,
    [property: JsonPropertyName("machineId")] string? MachineIdCamel,
    [property: JsonPropertyName("fingerprint")] string? Fingerprint,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("platform")] string? Platform,
    [property: JsonPropertyName("hostname")] string? Hostname)
{
    public string? AnyKey => Key ?? LicenseKey ?? LicenseKeyCamel;
    public string? AnyMachine => MachineId ?? MachineIdCamel ?? Fingerprint;
}
