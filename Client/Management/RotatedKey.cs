namespace LicensePlatform.Client.Management;

/// <summary>A license's new key after a rotation.</summary>
/// <param name="LicenseId">The license.</param>
/// <param name="NewKey">Its key from now on.</param>
/// <param name="PreviousKeyValidUntil">
/// Until when the previous key still validates (the answer's <c>expiresAt</c>); after that it is refused with <c>KEY_ROTATED</c>.
/// </param>
public sealed record RotatedKey(
    string LicenseId,
    string NewKey,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset PreviousKeyValidUntil);
