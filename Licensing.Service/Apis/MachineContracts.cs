using System.Text.Json.Serialization;
using Platform.Licensing.Model;

namespace Platform.Licensing.Apis;

/// <summary>A machine to activate on a license; <c>machine_id</c> is accepted for <c>fingerprint</c>.</summary>
internal sealed record ActivateMachineRequest(
    string? LicenseId,
    string? Fingerprint,
    string? MachineId,
    string? Name,
    string? Platform,
    string? Hostname,
    string? Ip);

internal sealed record MachineResponse(
    string Id,
    string LicenseId,
    string Fingerprint,
    string? Name,
    string? Platform,
    string? Hostname,
    string? Ip,
    DateTimeOffset ActivatedAt,
    DateTimeOffset LastSeenAt)
{
    public static MachineResponse Of(Machine machine) => new(
        machine.Id, machine.LicenseId, machine.Fingerprint, machine.Name, machine.Platform, machine.Hostname, machine.Ip,
        machine.ActivatedAt, machine.LastSeenAt);
}
