namespace LicensePlatform.Client.Management;

/// <summary>Where a license is in its life.</summary>
public enum LicenseStatus
{
    /// <summary>In use: validates while its terms allow.</summary>
    Active,

    /// <summary>Stopped for now; reinstating makes it active again.</summary>
    Suspended,

    /// <summary>Past its expiry (renewing makes it active again).</summary>
    Expired,

    /// <summary>Ended for good.</summary>
    Revoked,
}
