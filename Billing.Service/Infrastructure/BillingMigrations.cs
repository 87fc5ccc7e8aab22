namespace Platform.Billing.Infrastructure;

/// <summary>The advisory lock Billing's migrations are applied under.</summary>
internal static class BillingMigrations
{
    // Any constant shared by every replica of this service; "BILLING!" in ASCII.
    public const long LockKey = 0x42494C4C494E4721;
}
