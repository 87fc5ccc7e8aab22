namespace Platform.Validation.Apis;

/// <summary><c>POST /api/v1/activate</c> and <c>/deactivate</c>: the key and the machine, in any of the spellings validate accepts.</summary>
internal sealed class ActivationRequest
{
    public string? Key { get; set; }
    public string? LicenseKey { get; set; }
    public string? MachineId { get; set; }
    public string? Fingerprint { get; set; }
    public string? Label { get; set; }
    public string? Name { get; set; }
    public string? Platform { get; set; }
    public string? Hostname { get; set; }

    public string? AnyKey => Key ?? LicenseKey;
    public string? AnyMachine => MachineId ?? Fingerprint;
}
