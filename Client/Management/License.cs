namespace LicensePlatform.Client.Management;

/// <summary>A license as the admin API shows it: its own settings merged with its plan's (what applies).</summary>
/// <param name="Id">The license's id (<c>lic_…</c>).</param>
/// <param name="Key">The license key.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Type">What kind of license it is.</param>
/// <param name="ProductId">The product it is for.</param>
/// <param name="PlanId">Its plan; null if it has none.</param>
/// <param name="PlanName">Its plan's name; null if it has none.</param>
/// <param name="CustomerEmail">The customer it was issued to, in lower case.</param>
/// <param name="MaxDomains">How many domains it may bind; null if unlimited.</param>
/// <param name="Domains">The domains bound to it (or its fixed list).</param>
/// <param name="Activations">Machines activated now.</param>
/// <param name="MaxActivations">How many machines it may activate.</param>
/// <param name="MaxSeats">Floating seats in all; null if not floating.</param>
/// <param name="Features">The features it includes (its plan's and its own).</param>
/// <param name="Metadata">The vendor's own key/value pairs.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="ExpiresAt">When it ends; null if never.</param>
/// <param name="LastValidatedAt">When it was last validated; null if never.</param>
/// <param name="ValidationCount">How many validations it has had.</param>
/// <param name="Version">Grows with every change to it.</param>
/// <param name="ExpiryBehavior">What it does at expiry.</param>
/// <param name="PreviousKeyValidUntil">After a key rotation: until when the previous key still validates.</param>
public sealed record License(
    string Id,
    string Key,
    LicenseStatus Status,
    LicenseType Type,
    string ProductId,
    string? PlanId,
    string? PlanName,
    string? CustomerEmail,
    int? MaxDomains,
    IReadOnlyList<string> Domains,
    int Activations,
    int MaxActivations,
    int? MaxSeats,
    IReadOnlyList<string> Features,
    IReadOnlyDictionary<string, JsonElement> Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastValidatedAt,
    long ValidationCount,
    long Version,
    ExpiryBehavior ExpiryBehavior,
    DateTimeOffset? PreviousKeyValidUntil);
