using Platform.ServiceDefaults.Data;

namespace Platform.Licensing.Infrastructure;

/// <summary>Licensing's SQL migrations (<c>Infrastructure/Migrations</c>) and the advisory lock they are applied under.</summary>
internal static class LicensingMigrations
{
    // Any constant shared by every replica of this service; "LICENSNG" in ASCII.
    public const long LockKey = 0x4C4943454E534E47;

    public static IReadOnlyList<Migration> All { get; } = Migration.LoadFrom(typeof(LicensingMigrations).Assembly);
}
