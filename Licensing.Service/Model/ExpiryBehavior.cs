namespace Platform.Licensing.Model;

/// <summary>What an expired license does: refused (<see cref="Restrict"/>), revoked for good, or still usable.</summary>
public enum ExpiryBehavior
{
    Restrict,
    Revoke,
    KeepAccess,
}
