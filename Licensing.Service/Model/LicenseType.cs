namespace Platform.Licensing.Model;

public enum LicenseType
{
    Perpetual,
    Subscription,
    Trial,
    Floating,
}
