namespace Platform.Validation.Cache;

internal enum LookupState
{
    Found,
    NotFound,
    Unavailable,
}

/// <summary>
/// What the cache knows of a key. <see cref="ServedFromCache"/>: Licensing could not be asked (it was due, or the
/// entry had passed its maximum age), so the answer rests on an older snapshot.
/// </summary>
internal readonly record struct LookupResult(LookupState State, CachedLicense? License, bool ServedFromCache)
{
    public static readonly LookupResult NotFound = new(LookupState.NotFound, null, false);
    public static readonly LookupResult Unavailable = new(LookupState.Unavailable, null, false);

    public static LookupResult Found(CachedLicense license, bool servedFromCache = false) => new(LookupState.Found, license, servedFromCache);
}
