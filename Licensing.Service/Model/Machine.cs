namespace Platform.Licensing.Model;

/// <summary>A device bound to a license by its fingerprint (<c>mach_…</c>).</summary>
public sealed class Machine
{
    public required string Id { get; init; }
    public required string LicenseId { get; init; }
    public required string Fingerprint { get; init; }
    public string? Name { get; set; }
    public string? Platform { get; set; }
    public string? Hostname { get; set; }
    public string? Ip { get; set; }
    public DateTimeOffset ActivatedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; set; }
}
