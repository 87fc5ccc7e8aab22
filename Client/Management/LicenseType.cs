namespace LicensePlatform.Client.Management;

/// <summary>What kind of license it is.</summary>
public enum LicenseType
{
    /// <summary>Never ends unless an expiry is set.</summary>
    Perpetual,

    /// <summary>Ends at its expiry unless renewed.</summary>
    Subscription,

    /// <summary>A trial (14 days unless its plan or expiry says otherwise).</summary>
    Trial,

    /// <summary>A pool of floating seats leased by clients.</summary>
    Floating,
}
