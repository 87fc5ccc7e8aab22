namespace LicensePlatform.Client;

/// <summary>The answer to a checkin.</summary>
/// <param name="CheckedIn">True: the seat is free again.</param>
/// <param name="SeatsInUse">Seats leased now.</param>
public sealed record SeatCheckin(bool CheckedIn, int SeatsInUse);
