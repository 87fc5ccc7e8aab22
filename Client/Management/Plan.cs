namespace LicensePlatform.Client.Management;

/// <summary>A plan (policy): the type, limits, features and duration licenses issued under it get, unless they set their own.</summary>
/// <param name="Id">The plan's id (<c>plan_…</c>).</param>
/// <param name="ProductId">The product it is for (the answer's <c>product</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="LicenseType">The type of its licenses.</param>
/// <param name="DurationDays">How long its licenses last from issue or renewal; null if they do not end.</param>
/// <param name="MaxActivations">How many machines a license may activate; null if the plan does not say.</param>
/// <param name="MaxDomains">How many domains a license may bind; null if unlimited.</param>
/// <param name="MaxSeats">Floating seats per license; null if not floating.</param>
/// <param name="Features">The features its licenses include.</param>
/// <param name="RequiresActivation">Whether a machine must be activated before it validates.</param>
/// <param name="SeatLeaseSeconds">How long a floating seat's lease lasts without a heartbeat.</param>
/// <param name="OfflineGraceDays">How long an offline token lets a license validate without the platform.</param>
/// <param name="ExpiryBehavior">What its licenses do at expiry.</param>
/// <param name="Metadata">The vendor's own key/value pairs.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record Plan(
    string Id,
    string ProductId,
    string Name,
    LicenseType LicenseType,
    int? DurationDays,
    int? MaxActivations,
    int? MaxDomains,
    int? MaxSeats,
    IReadOnlyList<string> Features,
    bool RequiresActivation,
    int SeatLeaseSeconds,
    int OfflineGraceDays,
    ExpiryBehavior ExpiryBehavior,
    IReadOnlyDictionary<string, JsonElement> Metadata,
    DateTimeOffset CreatedAt);
