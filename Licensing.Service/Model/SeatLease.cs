namespace Platform.Licensing.Model;

/// <summary>A floating seat held by a client (<c>lease_…</c>) until <see cref="ExpiresAt"/> unless renewed by a heartbeat.</summary>
public sealed class SeatLease
{
    public required string Id { get; init; }
    public required string LicenseId { get; init; }
    public required string ClientId { get; init; }
    public DateTimeOffset LeasedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; set; }
}
