namespace LicensePlatform.Client.Management;

/// <summary>What happens to a license when it reaches its expiry, as its plan says.</summary>
public enum ExpiryBehavior
{
    /// <summary>It is refused until renewed (status <see cref="LicenseStatus.Expired"/>).</summary>
    Restrict,

    /// <summary>It is revoked for good.</summary>
    Revoke,

    /// <summary>It is marked expired but keeps validating.</summary>
    KeepAccess,
}
