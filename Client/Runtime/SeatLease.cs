namespace LicensePlatform.Client;

/// <summary>A floating seat: keep it with heartbeats before <see cref="LeaseExpiresAt"/>, give it back with checkin.</summary>
/// <param name="LeaseId">The lease's id, for heartbeats and checkin.</param>
/// <param name="ClientId">Who holds it.</param>
/// <param name="LeaseExpiresAt">When the seat frees itself without a heartbeat.</param>
/// <param name="SeatsInUse">Seats leased now.</param>
/// <param name="MaxSeats">Seats in all.</param>
/// <param name="License">The license, when the platform sends it.</param>
public sealed record SeatLease(string LeaseId, string ClientId, DateTimeOffset? LeaseExpiresAt, int SeatsInUse, int? MaxSeats, LicenseInfo? License);
