using System.Text.Json.Serialization;
using Platform.Licensing.Model;

namespace Platform.Licensing.Apis;

/// <summary>A machine to activate on a license; <c>machine_id</c> is accepted for <c>fingerprint</c>.</summary>
internal sealed record ActivateMachineRequest(
    [property: JsonPropertyName("license_id")] string? LicenseId,
    [property: JsonPropertyName("fingerprint")] string? Fingerprint,
    [property: JsonPropertyName("machine_id")] string? MachineId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("platform")] string? Platform,
    [property: JsonPropertyName("hostname")] string? Hostname,
    [property: JsonPropertyName("ip")] string? Ip);

internal sealed record MachineResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("license")] string License,
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("platform")] string? Platform,
    [property: JsonPropertyName("hostname")] string? Hostname,
    [property: JsonPropertyName("ip")] string? Ip,
    [property: JsonPropertyName("activated_at")] DateTimeOffset ActivatedAt,
    [property: JsonPropertyName("last_seen_at")] DateTimeOffset LastSeenAt)
{
    public static MachineResponse Of(Machine machine) => new(
        machine.Id, machine.LicenseId, machine.Fingerprint, machine.Name, machine.Platform, machine.Hostname, machine.Ip,
        machine.ActivatedAt, machine.LastSeenAt);
}
