using System.Text.Json.Serialization;

namespace Platform.Validation.Apis;

/// <summary>
/// <c>POST /api/v1/validate</c>. Canonical names are <c>key</c>, <c>machine_id</c>, <c>product_id</c>; the reference's
/// other spellings (<c>license_key</c>, <c>fingerprint</c>) and camelCase (<c>licenseKey</c>, <c>machineId</c>,
/// <c>productId</c>, <c>offlineToken</c>) are accepted too. Settable properties and no constructor parameters: the
/// serializer then fills one object, with no argument state beside it (8 % of a validation's allocations as a record).
/// </summary>
internal sealed class ValidateRequest
{
    [JsonPropertyName("key")] public string? Key { get; set; }
    [JsonPropertyName("license_key")] public string? LicenseKey { get; set; }
    [JsonPropertyName("licenseKey")] public string? LicenseKeyCamel { get; set; }
    [JsonPropertyName("machine_id")] public string? MachineId { get; set; }
    [JsonPropertyName("machineId")] public string? MachineIdCamel { get; set; }
    [JsonPropertyName("fingerprint")] public string? Fingerprint { get; set; }
    [JsonPropertyName("domain")] public string? Domain { get; set; }
    [JsonPropertyName("product_id")] public string? ProductId { get; set; }
    [JsonPropertyName("productId")] public string? ProductIdCamel { get; set; }
    [JsonPropertyName("features")] public List<string>? Features { get; set; }
    [JsonPropertyName("offline_token")] public bool? OfflineToken { get; set; }
    [JsonPropertyName("offlineToken")] public bool? OfflineTokenCamel { get; set; }

    public string? AnyKey => Key ?? LicenseKey ?? LicenseKeyCamel;
    public string? AnyMachine => MachineId ?? MachineIdCamel ?? Fingerprint;
    public string? AnyProductId => ProductId ?? ProductIdCamel;
    public bool WantsOfflineToken => OfflineToken ?? OfflineTokenCamel ?? false;
}
