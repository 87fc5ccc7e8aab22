using System.Text.Json.Serialization;

namespace Platform.Validation.Apis;

/// <summary>
/// <c>POST /api/v1/validate</c>. Canonical names are <c>key</c>, <c>machine_id</c>, <c>product_id</c>; the reference's
/// other spellings (<c>license_key</c>, <c>fingerprint</c>) and camelCase (<c>licenseKey</c>, <c>machineId</c>,
/// <c>productId</c>, <c>offlineToken</c>) are accepted too.
/// </summary>
internal sealed record ValidateRequest(
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("license_key")] string? LicenseKey,
    [property: JsonPropertyName("licenseKey")] string? LicenseKeyCamel,
    [property: JsonPropertyName("machine_id")] string? MachineId,
    [property: JsonPropertyName("machineId")] string? MachineIdCamel,
    [property: JsonPropertyName("fingerprint")] string? Fingerprint,
    [property: JsonPropertyName("domain")] string? Domain,
    [property: JsonPropertyName("product_id")] string? ProductId,
    [property: JsonPropertyName("productId")] string? ProductIdCamel,
    [property: JsonPropertyName("features")] List<string>? Features,
    [property: JsonPropertyName("offline_token")] bool? OfflineToken,
    [property: JsonPropertyName("offlineToken")] bool? OfflineTokenCamel)
{
    public string? AnyKey => Key ?? LicenseKey ?? LicenseKeyCamel;
    public string? AnyMachine => MachineId ?? MachineIdCamel ?? Fingerprint;
    public string? AnyProductId => ProductId ?? ProductIdCamel;
    public bool WantsOfflineToken => OfflineToken ?? OfflineTokenCamel ?? false;
}
