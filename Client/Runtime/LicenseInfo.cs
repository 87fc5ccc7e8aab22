namespace LicensePlatform.Client;

/// <summary>A license as the run-time calls show it.</summary>
/// <param name="Id">The license's id (<c>lic_…</c>).</param>
/// <param name="Key">The license key.</param>
/// <param name="Status"><c>active</c>, <c>suspended</c>, <c>revoked</c> or <c>expired</c>.</param>
/// <param name="Type"><c>perpetual</c>, <c>subscription</c>, <c>trial</c> or <c>floating</c>.</param>
/// <param name="Plan">The plan's name, if the license has one.</param>
/// <param name="ProductId">The product the license is for.</param>
/// <param name="Features">The features the license includes.</param>
/// <param name="ExpiresAt">When the license ends; null if never.</param>
/// <param name="Activations">Machines activated now.</param>
/// <param name="MaxActivations">How many machines may be activated; null if unlimited.</param>
/// <param name="Domains">Domains bound to the license.</param>
/// <param name="MaxDomains">How many domains may be bound; null if unlimited.</param>
/// <param name="SeatsInUse">Floating seats leased now.</param>
/// <param name="MaxSeats">Floating seats in all; null if not floating.</param>
/// <param name="KeyValidUntil">For a key replaced by rotation: until when it still validates.</param>
/// <param name="Metadata">The vendor's own key/value pairs.</param>
public sealed record LicenseInfo(
    string Id,
    string Key,
    string Status,
    string Type,
    string? Plan,
    string ProductId,
    IReadOnlyList<string> Features,
    DateTimeOffset? ExpiresAt,
    int Activations,
    int? MaxActivations,
    IReadOnlyList<string> Domains,
    int? MaxDomains,
    int SeatsInUse,
    int? MaxSeats,
    DateTimeOffset? KeyValidUntil,
    IReadOnlyDictionary<string, string>? Metadata);
