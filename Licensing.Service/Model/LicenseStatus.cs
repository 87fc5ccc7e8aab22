namespace Platform.Licensing.Model;

public enum LicenseStatus
{
    Active,
    Suspended,
    Expired,
    Revoked,
}
