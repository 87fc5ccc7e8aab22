namespace Platform.Contracts.Keys;

/// <summary>What a string offered as a license key is, decided without any lookup.</summary>
public enum LicenseKeyKind
{
    /// <summary>Not a key: refused as INVALID_KEY_FORMAT.</summary>
    Invalid,

    /// <summary>A key of this platform's format whose checksum holds.</summary>
    Platform,

    /// <summary>A key of another system, imported by a vendor who migrated; looked up exactly as given.</summary>
    Imported,
}
