namespace LicensePlatform.Client.Management;

/// <summary>A machine activated on a license.</summary>
/// <param name="Id">The machine's id (<c>mach_…</c>).</param>
/// <param name="LicenseId">The license it is activated on (the answer's <c>license</c>).</param>
/// <param name="Fingerprint">The machine's fingerprint, as the app sent it (e.g. <see cref="LicenseClient.MachineId"/>).</param>
/// <param name="Name">A name people recognise.</param>
/// <param name="Platform">Its operating system.</param>
/// <param name="Hostname">Its host name.</param>
/// <param name="Ip">Its address when activated.</param>
/// <param name="ActivatedAt">When it was activated.</param>
/// <param name="LastSeenAt">When it was last seen.</param>
public sealed record Machine(
    string Id,
    string LicenseId,
    string Fingerprint,
    string? Name,
    string? Platform,
    string? Hostname,
    string? Ip,
    DateTimeOffset ActivatedAt,
    DateTimeOffset LastSeenAt);
